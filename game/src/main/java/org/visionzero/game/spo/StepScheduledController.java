package org.visionzero.game.spo;

import java.util.Objects;
import java.util.Optional;
import org.visionzero.events.Phase;

/** Iterative-SPO on a {@link StepSchedule}: the metrics are ignored, the step count alone decides the phase. */
final class StepScheduledController implements PhaseController {
  private final StepSchedule schedule;
  private final long steps;

  private StepScheduledController(StepSchedule schedule, long steps) {
    this.schedule = Objects.requireNonNull(schedule, "schedule");
    this.steps = steps;
  }

  /** A controller before its first step. */
  static StepScheduledController start(StepSchedule schedule) {
    return new StepScheduledController(schedule, 0);
  }

  static StepScheduledController restore(StepSchedule schedule, PhaseControllerState state) {
    StepScheduledController restored = new StepScheduledController(schedule, state.steps());
    if (restored.phase() != state.phase()) {
      throw new IllegalArgumentException("saved phase " + state.phase() + " at step " + state.steps()
          + " does not fit a " + schedule.description());
    }
    return restored;
  }

  @Override
  public Phase phase() {
    return schedule.phaseAt(steps);
  }

  @Override
  public long steps() {
    return steps;
  }

  @Override
  public PhaseStep afterStep(DecisionRates metrics) {
    Objects.requireNonNull(metrics, "metrics");
    StepScheduledController next = new StepScheduledController(schedule, steps + 1);
    Optional<PhaseSwitch> change = next.phase() == phase() ? Optional.empty()
        : Optional.of(new PhaseSwitch(next.steps, phase(), next.phase(), schedule.toString()));
    return new PhaseStep(next, change);
  }

  @Override
  public PhaseControllerState save() {
    return new PhaseControllerState(schedule.kind(), phase(), steps, schedule.dwellAt(steps), 0, 0);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StepScheduledController that && schedule.equals(that.schedule) && steps == that.steps;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(steps) * 31 + schedule.hashCode();
  }

  @Override
  public String toString() {
    return "StepScheduledController[" + schedule + ", steps=" + steps + ", phase=" + phase() + "]";
  }
}
