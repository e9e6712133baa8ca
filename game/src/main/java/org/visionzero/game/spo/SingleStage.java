package org.visionzero.game.spo;

import java.util.Objects;
import org.visionzero.events.Phase;
import org.visionzero.game.config.GameConfig.PhaseSchedule;

/**
 * The single-stage ablations of Iterative-SPO (VISION-ZERO.md section 4, appendix A.4.7 of the paper): every step
 * trains the same phase, CLUE for {@link PhaseSchedule#CLUE_ONLY}, DECISION for {@link PhaseSchedule#DECISION_ONLY};
 * no switch ever happens.
 */
record SingleStage(PhaseSchedule kind) implements StepSchedule {

  SingleStage {
    Objects.requireNonNull(kind, "schedule");
    if (kind != PhaseSchedule.CLUE_ONLY && kind != PhaseSchedule.DECISION_ONLY) {
      throw new IllegalArgumentException("a single-stage controller trains one phase, not " + kind);
    }
  }

  @Override
  public Phase phaseAt(long step) {
    return kind == PhaseSchedule.CLUE_ONLY ? Phase.CLUE : Phase.DECISION;
  }

  @Override
  public int dwellAt(long steps) {
    return (int) Math.min(Integer.MAX_VALUE, steps);
  }

  @Override
  public String description() {
    return kind + " schedule";
  }

  @Override
  public String toString() {
    return kind.toString();
  }
}
