package org.visionzero.game.reward;

/**
 * Decision advantages over the samples of one game. {@link #advantages}: VISION-ZERO.md's group normalisation,
 * {@code A = (r − mean) / (std + 1e-8)} with the population standard deviation; a degenerate group (std or
 * max − min at most 1e-8) only subtracts the mean, so identical samples get zero advantage instead of a division by
 * almost nothing. {@link #centered}: only {@code r − mean}, which a small model needs (LEARNING-NOTES.md, trap 1).
 */
public final class GroupNormalization {
  /** Added to the standard deviation, and the threshold under which a group counts as degenerate. */
  public static final double EPSILON = 1e-8;

  private GroupNormalization() {}

  /** Normalised advantages of a group of rewards, in the same order; an empty group gives an empty array. */
  public static double[] advantages(double[] rewards) {
    double[] centered = centered(rewards);
    int n = rewards.length;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double squares = 0;
    for (int i = 0; i < n; i++) {
      min = Math.min(min, rewards[i]);
      max = Math.max(max, rewards[i]);
      squares += centered[i] * centered[i];
    }
    double std = Math.sqrt(squares / n);
    if (n == 0 || std <= EPSILON || max - min <= EPSILON) {
      return centered;
    }
    double[] result = new double[n];
    for (int i = 0; i < n; i++) {
      result[i] = centered[i] / (std + EPSILON);
    }
    return result;
  }

  /** {@code r − mean} of a group of rewards, in the same order, not divided by their spread. */
  public static double[] centered(double[] rewards) {
    double sum = 0;
    for (double r : rewards) {
      if (!Double.isFinite(r)) {
        throw new IllegalArgumentException("rewards must be finite, got " + r);
      }
      sum += r;
    }
    double mean = sum / Math.max(1, rewards.length);
    double[] result = new double[rewards.length];
    for (int i = 0; i < rewards.length; i++) {
      result[i] = rewards[i] - mean;
    }
    return result;
  }
}
