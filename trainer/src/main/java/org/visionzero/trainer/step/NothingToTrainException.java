package org.visionzero.trainer.step;

/**
 * Thrown by a {@link TrainingStep} when none of the samples it was given can enter its loss (e.g. text samples
 * for a structured model); the trainer skips the step with the message as the reason instead of failing.
 */
public final class NothingToTrainException extends RuntimeException {
  public NothingToTrainException(String message) {
    super(message);
  }
}
