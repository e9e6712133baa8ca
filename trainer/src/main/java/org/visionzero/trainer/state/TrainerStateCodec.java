package org.visionzero.trainer.state;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.visionzero.game.reward.RaeBaselines;
import org.visionzero.game.spo.PhaseControllerState;

/**
 * Deterministic binary form of a {@link TrainerState}: the same state always gives the same bytes (partitions
 * in ascending order, fixed-width big-endian numbers, UTF-8 strings), so a checkpoint's hash only changes when
 * its content does. Layout: magic {@code VZTS}, format version, then the fields in record order.
 */
public final class TrainerStateCodec {
  /** The name of the checkpoint section that holds these bytes. */
  public static final String SECTION = "trainer-state";
  private static final int MAGIC = 0x565A5453; // "VZTS"
  private static final int FORMAT_VERSION = 1;
  private static final int MAX_ENTRIES = 10_000_000;

  private TrainerStateCodec() {}

  public static byte[] encode(TrainerState state) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeInt(FORMAT_VERSION);
      out.writeLong(state.step());
      out.writeInt(state.policyVersion());
      RaeBaselines rae = state.baselines();
      out.writeDouble(rae.bSpy());
      out.writeDouble(rae.bCiv());
      out.writeDouble(rae.alpha());
      byte[] phase = state.phase().toBytes();
      out.writeInt(phase.length);
      out.write(phase);
      out.writeInt(state.offsets().size());
      for (Map.Entry<Integer, Long> entry : state.offsets().entrySet()) {
        out.writeInt(entry.getKey());
        out.writeLong(entry.getValue());
      }
      TrainerState.Counters counters = state.counters();
      out.writeLong(counters.gamesTrained());
      out.writeLong(counters.stepsSkipped());
      out.writeLong(counters.samplesDroppedStale());
      out.writeUTF(state.ledger().parentSha256());
      out.writeInt(state.ledger().gameIds().size());
      for (String gameId : state.ledger().gameIds()) {
        out.writeUTF(gameId);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  /** Reads bytes written by {@link #encode}; anything else fails with a message saying what is wrong. */
  public static TrainerState decode(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      int magic = in.readInt();
      if (magic != MAGIC) {
        throw new IllegalArgumentException("not a trainer state: magic " + Integer.toHexString(magic)
            + " instead of " + Integer.toHexString(MAGIC));
      }
      int format = in.readInt();
      if (format != FORMAT_VERSION) {
        throw new IllegalArgumentException("trainer state format " + format + " is not supported (expected "
            + FORMAT_VERSION + ")");
      }
      long step = in.readLong();
      int policyVersion = in.readInt();
      RaeBaselines rae = new RaeBaselines(in.readDouble(), in.readDouble(), in.readDouble());
      byte[] phaseBytes = new byte[count(in.readInt(), "phase controller bytes")];
      in.readFully(phaseBytes);
      PhaseControllerState phase = PhaseControllerState.fromBytes(phaseBytes);
      int partitions = count(in.readInt(), "partitions");
      TreeMap<Integer, Long> offsets = new TreeMap<>();
      for (int i = 0; i < partitions; i++) {
        offsets.put(in.readInt(), in.readLong());
      }
      TrainerState.Counters counters = new TrainerState.Counters(in.readLong(), in.readLong(), in.readLong());
      String parent = in.readUTF();
      int games = count(in.readInt(), "ledger games");
      List<String> gameIds = new ArrayList<>(Math.min(games, 1024));
      for (int i = 0; i < games; i++) {
        gameIds.add(in.readUTF());
      }
      if (in.available() > 0) {
        throw new IllegalArgumentException("trainer state has " + in.available() + " unexpected trailing bytes");
      }
      return new TrainerState(step, policyVersion, rae, phase, offsets, counters,
          new TrainerState.Ledger(parent, gameIds));
    } catch (EOFException e) {
      throw new IllegalArgumentException("trainer state is truncated (" + bytes.length + " bytes)", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int count(int value, String what) {
    if (value < 0 || value > MAX_ENTRIES) {
      throw new IllegalArgumentException("trainer state has an impossible number of " + what + ": " + value);
    }
    return value;
  }
}
