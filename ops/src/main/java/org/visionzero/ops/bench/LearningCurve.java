package org.visionzero.ops.bench;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Reading a learning curve (held-out evaluations over time): when it first reached a target, what it was at a time. */
public final class LearningCurve {

  private LearningCurve() {
  }

  /**
   * Seconds at which the curve first reached {@code target} decision accuracy, counting only evaluations with at
   * least {@code minSamples} decision samples; empty when it never did.
   */
  public static Optional<Double> secondsToTarget(List<LearningPoint> points, double target, long minSamples) {
    return points.stream()
        .filter(p -> p.samples() >= minSamples && p.decisionAccuracy() >= target)
        .map(LearningPoint::seconds)
        .min(Comparator.naturalOrder());
  }

  /** The latest evaluation made of weights that existed by {@code seconds}; empty when none did. */
  public static Optional<LearningPoint> at(List<LearningPoint> points, double seconds) {
    return points.stream()
        .filter(p -> p.seconds() <= seconds)
        .max(Comparator.comparingDouble(LearningPoint::seconds).thenComparingLong(LearningPoint::step));
  }

  /** The evaluation of the latest weights; empty for an empty curve. */
  public static Optional<LearningPoint> last(List<LearningPoint> points) {
    return at(points, Double.POSITIVE_INFINITY);
  }

  /** {@code numerator / denominator}, or empty when either is missing or the quotient is not a finite number. */
  public static Optional<Double> ratio(Optional<Double> numerator, Optional<Double> denominator) {
    if (numerator.isEmpty() || denominator.isEmpty()) {
      return Optional.empty();
    }
    double quotient = numerator.get() / denominator.get();
    return Double.isFinite(quotient) ? Optional.of(quotient) : Optional.empty();
  }
}
