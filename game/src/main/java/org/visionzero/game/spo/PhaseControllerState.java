package org.visionzero.game.spo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.visionzero.events.Phase;
import org.visionzero.game.config.GameConfig.PhaseSchedule;

/**
 * Everything a phase controller remembers, saved with the trainer's checkpoint and restored exactly (doubles
 * are stored bit for bit). The settings (L, thresholds, dwell, patience) come from the configuration.
 *
 * @param schedule     which controller saved it
 * @param phase        phase of the next step
 * @param steps        optimizer steps observed
 * @param dwell        steps since the last switch
 * @param accuracyEma  EMA of decision accuracy (hysteresis; 0 for the fixed cycle)
 * @param naRateEma    EMA of the N/A rate (hysteresis; 0 for the fixed cycle)
 */
public record PhaseControllerState(PhaseSchedule schedule, Phase phase, long steps, int dwell,
    double accuracyEma, double naRateEma) {

  /** Format version written first; bump it when the layout changes. */
  public static final int FORMAT_VERSION = 1;

  public PhaseControllerState {
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(phase, "phase");
    if (steps < 0 || dwell < 0) {
      throw new IllegalArgumentException("steps and dwell must be >= 0, got " + steps + ", " + dwell);
    }
    if (!Double.isFinite(accuracyEma) || !Double.isFinite(naRateEma)) {
      throw new IllegalArgumentException("EMAs must be finite, got " + accuracyEma + ", " + naRateEma);
    }
  }

  public byte[] toBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(FORMAT_VERSION);
      out.writeUTF(schedule.name());
      out.writeUTF(phase.name());
      out.writeLong(steps);
      out.writeInt(dwell);
      out.writeDouble(accuracyEma);
      out.writeDouble(naRateEma);
    } catch (IOException e) {
      throw new UncheckedIOException("could not encode the phase controller state", e);
    }
    return bytes.toByteArray();
  }

  /** Decodes {@link #toBytes()}; bad bytes give an IllegalArgumentException that says what is wrong. */
  public static PhaseControllerState fromBytes(byte[] data) {
    Objects.requireNonNull(data, "data");
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      int version = in.readInt();
      if (version != FORMAT_VERSION) {
        throw new IllegalArgumentException(
            "phase controller state format " + version + " is unknown; this build reads " + FORMAT_VERSION);
      }
      PhaseControllerState state = new PhaseControllerState(PhaseSchedule.valueOf(in.readUTF()),
          Phase.valueOf(in.readUTF()), in.readLong(), in.readInt(), in.readDouble(), in.readDouble());
      if (in.available() > 0) {
        throw new IllegalArgumentException(in.available() + " trailing bytes: not a phase controller state");
      }
      return state;
    } catch (IOException e) {
      throw new IllegalArgumentException("phase controller state is truncated: " + e.getMessage(), e);
    }
  }
}
