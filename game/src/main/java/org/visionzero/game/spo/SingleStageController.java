package org.visionzero.game.spo;

import java.util.Objects;
import java.util.Optional;
import org.visionzero.events.Phase;
import org.visionzero.game.config.GameConfig.PhaseSchedule;

/**
 * The single-stage ablations of Iterative-SPO (VISION-ZERO.md section 4, appendix A.4.7 of the paper): every step
 * trains the same phase, CLUE for {@link PhaseSchedule#CLUE_ONLY}, DECISION for {@link PhaseSchedule#DECISION_ONLY}.
 * Metrics are ignored and no switch ever happens.
 */
public final class SingleStageController implements PhaseController {
  private final PhaseSchedule schedule;
  private final long steps;

  private SingleStageController(PhaseSchedule schedule, long steps) {
    this.schedule = Objects.requireNonNull(schedule, "schedule");
    if (schedule != PhaseSchedule.CLUE_ONLY && schedule != PhaseSchedule.DECISION_ONLY) {
      throw new IllegalArgumentException("a single-stage controller trains one phase, not " + schedule);
    }
    this.steps = steps;
  }

  /** A controller before its first step. */
  public static SingleStageController start(PhaseSchedule schedule) {
    return new SingleStageController(schedule, 0);
  }

  static SingleStageController restore(PhaseSchedule schedule, PhaseControllerState state) {
    SingleStageController restored = new SingleStageController(schedule, state.steps());
    if (restored.phase() != state.phase()) {
      throw new IllegalArgumentException("saved phase " + state.phase() + " does not fit a " + schedule + " schedule");
    }
    return restored;
  }

  @Override
  public Phase phase() {
    return schedule == PhaseSchedule.CLUE_ONLY ? Phase.CLUE : Phase.DECISION;
  }

  @Override
  public long steps() {
    return steps;
  }

  @Override
  public PhaseStep afterStep(DecisionRates metrics) {
    Objects.requireNonNull(metrics, "metrics");
    return new PhaseStep(new SingleStageController(schedule, steps + 1), Optional.empty());
  }

  @Override
  public PhaseControllerState save() {
    return new PhaseControllerState(schedule, phase(), steps, (int) Math.min(Integer.MAX_VALUE, steps), 0, 0);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SingleStageController that && schedule == that.schedule && steps == that.steps;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(steps) * 31 + schedule.hashCode();
  }

  @Override
  public String toString() {
    return "SingleStageController[" + schedule + ", steps=" + steps + "]";
  }
}
