package org.visionzero.trainer.step;

/**
 * Linear warm-up to the peak rate, then cosine decay towards zero over the remaining steps (VISION-ZERO.md section 3:
 * cosine schedule with 10 % warm-up).
 *
 * @param peak        learning rate at the end of warm-up
 * @param warmupSteps steps of linear warm-up
 * @param totalSteps  steps of the whole run; after them the rate stays at its final value
 */
public record LearningRateSchedule(double peak, int warmupSteps, long totalSteps) {

  public LearningRateSchedule {
    if (!(peak > 0) || Double.isInfinite(peak)) {
      throw new IllegalArgumentException("learning rate must be a finite number > 0, was " + peak);
    }
    if (warmupSteps < 0) {
      throw new IllegalArgumentException("warm-up steps must be >= 0, was " + warmupSteps);
    }
    if (totalSteps < 1 || totalSteps < warmupSteps) {
      throw new IllegalArgumentException("total steps must be >= 1 and >= warm-up steps (" + warmupSteps
          + "), was " + totalSteps);
    }
  }

  /** The rate of 1-based step {@code step}. */
  public double rate(long step) {
    if (step < 1) {
      throw new IllegalArgumentException("steps are 1-based, got " + step);
    }
    if (step <= warmupSteps) {
      return peak * step / warmupSteps;
    }
    long decaySteps = totalSteps - warmupSteps;
    if (decaySteps == 0) {
      return peak;
    }
    // The first step after warm-up runs at the peak, the last one just above zero (never a wasted step at 0).
    double progress = Math.min(1.0, (double) (step - warmupSteps - 1) / decaySteps);
    return 0.5 * peak * (1 + Math.cos(Math.PI * progress));
  }
}
