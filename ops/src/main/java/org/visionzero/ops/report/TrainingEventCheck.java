package org.visionzero.ops.report;

import org.visionzero.deadletter.InvalidRecordException;
import org.visionzero.events.PhaseChanged;
import org.visionzero.events.TrainingEvent;
import org.visionzero.events.TrainingStepCompleted;

/**
 * Refuses a training event no trainer writes: a negative step, or a step marked applied with a non-finite loss or
 * gradient norm (the GRPO step skips such an update and says why). One would put NaN into the report's charts and
 * summary, so the training log's reader dead-letters it instead.
 */
public final class TrainingEventCheck {
  private TrainingEventCheck() {}

  /** Throws {@link InvalidRecordException} with the reason; returns the event otherwise. */
  public static TrainingEvent validate(TrainingEvent event) {
    if (event.getPayload() instanceof TrainingStepCompleted step) {
      if (step.getStep() < 0 || step.getPolicyVersion() < 0) {
        throw new InvalidRecordException("step-out-of-range", "run " + event.getRunId() + ": step " + step.getStep()
            + " of version " + step.getPolicyVersion() + "; both start at 0");
      }
      if (step.getApplied() && !(Double.isFinite(step.getLoss()) && Double.isFinite(step.getGradNorm()))) {
        throw new InvalidRecordException("training-value-not-finite", "run " + event.getRunId() + ", step "
            + step.getStep() + ": applied with loss " + step.getLoss() + " and gradient norm " + step.getGradNorm()
            + " (a trainer skips a non-finite update)");
      }
    } else if (event.getPayload() instanceof PhaseChanged change && change.getStep() < 0) {
      throw new InvalidRecordException("step-out-of-range", "run " + event.getRunId() + ": phase change at step "
          + change.getStep());
    }
    return event;
  }
}
