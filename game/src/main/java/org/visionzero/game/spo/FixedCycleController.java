package org.visionzero.game.spo;

import java.util.Objects;
import java.util.Optional;
import org.visionzero.events.Phase;
import org.visionzero.game.config.GameConfig.PhaseSchedule;

/**
 * Code mode: step t (0-based) trains DECISION when {@code (t mod 2L) < L}, else CLUE. The authors' script
 * uses L = 1 (alternate every step), their default is 10. Metrics are ignored.
 */
public final class FixedCycleController implements PhaseController {
  private final int cycleLength;
  private final long steps;

  private FixedCycleController(int cycleLength, long steps) {
    if (cycleLength < 1) {
      throw new IllegalArgumentException("cycleLength must be >= 1, was " + cycleLength);
    }
    this.cycleLength = cycleLength;
    this.steps = steps;
  }

  /** A controller before its first step. */
  public static FixedCycleController start(int cycleLength) {
    return new FixedCycleController(cycleLength, 0);
  }

  static FixedCycleController restore(int cycleLength, PhaseControllerState state) {
    FixedCycleController restored = new FixedCycleController(cycleLength, state.steps());
    if (restored.phase() != state.phase()) {
      throw new IllegalArgumentException("saved phase " + state.phase() + " at step " + state.steps()
          + " does not fit a fixed cycle of L = " + cycleLength);
    }
    return restored;
  }

  /** The phase of 0-based step t. */
  public static Phase phaseAt(long step, int cycleLength) {
    return step % (2L * cycleLength) < cycleLength ? Phase.DECISION : Phase.CLUE;
  }

  @Override
  public Phase phase() {
    return phaseAt(steps, cycleLength);
  }

  @Override
  public long steps() {
    return steps;
  }

  @Override
  public PhaseStep afterStep(DecisionRates metrics) {
    Objects.requireNonNull(metrics, "metrics");
    FixedCycleController next = new FixedCycleController(cycleLength, steps + 1);
    Optional<PhaseSwitch> change = next.phase() == phase() ? Optional.empty()
        : Optional.of(new PhaseSwitch(next.steps, phase(), next.phase(), "fixed cycle L=" + cycleLength));
    return new PhaseStep(next, change);
  }

  @Override
  public PhaseControllerState save() {
    return new PhaseControllerState(PhaseSchedule.FIXED_CYCLE, phase(), steps, (int) (steps % cycleLength), 0, 0);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FixedCycleController that && cycleLength == that.cycleLength && steps == that.steps;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(steps) * 31 + cycleLength;
  }

  @Override
  public String toString() {
    return "FixedCycleController[L=" + cycleLength + ", steps=" + steps + ", phase=" + phase() + "]";
  }
}
