package org.visionzero.trainer.step;

import org.visionzero.events.Phase;

/**
 * Linear warm-up to the peak rate, then cosine decay towards zero over the remaining steps (VISION-ZERO.md section 3:
 * cosine schedule with 10 % warm-up).
 *
 * <p>Each Iterative-SPO phase has its own peak: the decision head is small and trained from scratch on a verifiable
 * reward, so it wants a much larger rate than the clue decoder, whose language drifts if pushed hard
 * (LEARNING-NOTES.md, trap 3).
 *
 * @param peak         learning rate of CLUE steps at the end of warm-up
 * @param decisionPeak learning rate of DECISION steps at the end of warm-up
 * @param warmupSteps  steps of linear warm-up
 * @param totalSteps   steps of the whole run; after them the rate stays at its final value
 */
public record LearningRateSchedule(double peak, double decisionPeak, int warmupSteps, long totalSteps) {

  public LearningRateSchedule {
    requireRate(peak);
    requireRate(decisionPeak);
    if (warmupSteps < 0) {
      throw new IllegalArgumentException("warm-up steps must be >= 0, was " + warmupSteps);
    }
    if (totalSteps < 1 || totalSteps < warmupSteps) {
      throw new IllegalArgumentException("total steps must be >= 1 and >= warm-up steps (" + warmupSteps
          + "), was " + totalSteps);
    }
  }

  /** One peak for both phases. */
  public LearningRateSchedule(double peak, int warmupSteps, long totalSteps) {
    this(peak, peak, warmupSteps, totalSteps);
  }

  private static void requireRate(double rate) {
    if (!(rate > 0) || Double.isInfinite(rate)) {
      throw new IllegalArgumentException("learning rate must be a finite number > 0, was " + rate);
    }
  }

  /** The rate of 1-based step {@code step} when it trains {@code phase}. */
  public double rate(long step, Phase phase) {
    double r = rate(step);
    return phase == Phase.DECISION ? r * decisionPeak / peak : r;
  }

  /** The CLUE rate of 1-based step {@code step}. */
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
