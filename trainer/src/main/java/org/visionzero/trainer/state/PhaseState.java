package org.visionzero.trainer.state;

import java.util.Objects;
import org.visionzero.events.Phase;

/**
 * The saved state of an Iterative-SPO controller, enough to continue its schedule after a restart.
 *
 * @param phase         the phase of the next step
 * @param accuracyEma   EMA of decision accuracy (hysteresis; 0 for the fixed cycle)
 * @param naRateEma     EMA of the N/A rate (hysteresis; 0 for the fixed cycle)
 * @param stepsInPhase  steps taken since the last switch (the dwell counter)
 * @param switches      switches so far
 */
public record PhaseState(Phase phase, double accuracyEma, double naRateEma, int stepsInPhase, int switches) {
  public PhaseState {
    Objects.requireNonNull(phase, "phase");
    if (!Double.isFinite(accuracyEma) || !Double.isFinite(naRateEma)) {
      throw new IllegalArgumentException("EMAs must be finite, were " + accuracyEma + " and " + naRateEma);
    }
    if (stepsInPhase < 0 || switches < 0) {
      throw new IllegalArgumentException("counters must be >= 0, were " + stepsInPhase + " and " + switches);
    }
  }

  /** Both controllers start in DECISION with zero EMAs. */
  public static PhaseState start() {
    return new PhaseState(Phase.DECISION, 0, 0, 0, 0);
  }
}
