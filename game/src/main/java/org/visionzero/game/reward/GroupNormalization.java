package org.visionzero.game.reward;

/**
 * Group-normalised decision advantages over the samples of one game: {@code A = (r − mean) / (std + 1e-8)}
 * with the population standard deviation; a degenerate group (std or max − min at most 1e-8) only subtracts
 * the mean, so identical samples get zero advantage instead of a division by almost nothing.
 */
public final class GroupNormalization {
  /** Added to the standard deviation, and the threshold under which a group counts as degenerate. */
  public static final double EPSILON = 1e-8;

  private GroupNormalization() {}

  /** Advantages of a group of rewards, in the same order; an empty group gives an empty array. */
  public static double[] advantages(double[] rewards) {
    int n = rewards.length;
    double[] result = new double[n];
    if (n == 0) {
      return result;
    }
    double sum = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double r : rewards) {
      if (!Double.isFinite(r)) {
        throw new IllegalArgumentException("rewards must be finite, got " + r);
      }
      sum += r;
      min = Math.min(min, r);
      max = Math.max(max, r);
    }
    double mean = sum / n;
    double squares = 0;
    for (double r : rewards) {
      squares += (r - mean) * (r - mean);
    }
    double std = Math.sqrt(squares / n);
    boolean degenerate = std <= EPSILON || max - min <= EPSILON;
    for (int i = 0; i < n; i++) {
      result[i] = degenerate ? rewards[i] - mean : (rewards[i] - mean) / (std + EPSILON);
    }
    return result;
  }
}
