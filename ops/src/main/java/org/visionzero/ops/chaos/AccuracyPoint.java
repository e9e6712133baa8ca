package org.visionzero.ops.chaos;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.visionzero.events.CheckpointPublished;
import org.visionzero.ops.eval.VersionResult;

/**
 * The evaluator's decision accuracy of one version (correct votes of its decision samples on v0's clues), as
 * read back from the evaluation games in the log.
 */
record AccuracyPoint(int version, double decisionAccuracy, long votes) {

  /** The newest version at or below {@code version} that has decision votes. */
  static Optional<AccuracyPoint> atOrBefore(List<VersionResult> results, int version) {
    return results.stream()
        .filter(result -> result.version() <= version && result.decisionAccuracy().trials() > 0)
        .max(Comparator.comparingInt(VersionResult::version))
        .map(AccuracyPoint::of);
  }

  /** The newest version that has decision votes. */
  static Optional<AccuracyPoint> newest(List<VersionResult> results) {
    return atOrBefore(results, Integer.MAX_VALUE);
  }

  /** The newest version of {@code policy} published at or before {@code instant} (0 when none was). */
  static int versionPublishedBy(List<CheckpointPublished> events, String policy, Instant instant) {
    return events.stream()
        .filter(event -> event.getPolicy().getName().equals(policy) && !event.getOccurredAt().isAfter(instant))
        .mapToInt(event -> event.getPolicy().getVersion())
        .max().orElse(0);
  }

  private static AccuracyPoint of(VersionResult result) {
    return new AccuracyPoint(result.version(), result.decisionAccuracy().rate(), result.decisionAccuracy().trials());
  }
}
