package org.visionzero.game.spo;

import org.visionzero.events.Phase;
import org.visionzero.game.config.GameConfig.PhaseSchedule;

/**
 * Code mode: step t (0-based) trains DECISION when {@code (t mod 2L) < L}, else CLUE. The authors' script
 * uses L = 1 (alternate every step), their default is 10.
 */
record FixedCycle(int cycleLength) implements StepSchedule {

  FixedCycle {
    if (cycleLength < 1) {
      throw new IllegalArgumentException("cycleLength must be >= 1, was " + cycleLength);
    }
  }

  @Override
  public PhaseSchedule kind() {
    return PhaseSchedule.FIXED_CYCLE;
  }

  @Override
  public Phase phaseAt(long step) {
    return step % (2L * cycleLength) < cycleLength ? Phase.DECISION : Phase.CLUE;
  }

  @Override
  public int dwellAt(long steps) {
    return (int) (steps % cycleLength);
  }

  @Override
  public String description() {
    return "fixed cycle of L = " + cycleLength;
  }

  @Override
  public String toString() {
    return "fixed cycle L=" + cycleLength;
  }
}
