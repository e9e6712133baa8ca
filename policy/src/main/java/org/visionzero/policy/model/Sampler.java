package org.visionzero.policy.model;

import java.util.SplittableRandom;

/** Draws one option from log-probabilities with a caller-owned random source (reproducible per turn). */
final class Sampler {
  private Sampler() {}

  /** Index drawn with probability exp(logProbs[i]) among {@code [from, from + count)}. */
  static int sample(float[] logProbs, int from, int count, SplittableRandom random) {
    double u = random.nextDouble();
    double cumulative = 0;
    int last = from;
    for (int i = from; i < from + count; i++) {
      double p = Math.exp(logProbs[i]);
      if (p > 0) {
        last = i;
      }
      cumulative += p;
      if (u < cumulative) {
        return i - from;
      }
    }
    return last - from; // rounding left u above the total: the last possible option
  }

  /** Index of the largest value among {@code [from, from + count)}. */
  static int argmax(float[] values, int from, int count) {
    int best = from;
    for (int i = from + 1; i < from + count; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return best - from;
  }
}
