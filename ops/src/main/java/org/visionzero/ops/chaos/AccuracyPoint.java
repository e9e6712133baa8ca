package org.visionzero.ops.chaos;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.visionzero.events.CheckpointPublished;
import org.visionzero.ops.eval.VersionResult;

/**
 * The evaluator's decision accuracy of one version (correct votes of its decision samples on v0's clues), as
 * read back from the evaluation games in the log. Only versions whose decision arm has all its planned games count:
 * the newest version is often mid-evaluation when the run stops, and three games say little.
 */
record AccuracyPoint(int version, double decisionAccuracy, long votes, long games) {

  /** The newest version at or below {@code version} with at least {@code games} decision games. */
  static Optional<AccuracyPoint> atOrBefore(List<VersionResult> results, int version, long games) {
    return results.stream()
        .filter(result -> result.version() <= version && result.decisionAccuracyVotes().games() >= games
            && result.decisionAccuracy().trials() > 0)
        .max(Comparator.comparingInt(VersionResult::version))
        .map(AccuracyPoint::of);
  }

  /** The newest version with at least {@code games} decision games. */
  static Optional<AccuracyPoint> newest(List<VersionResult> results, long games) {
    return atOrBefore(results, Integer.MAX_VALUE, games);
  }

  /** The newest version of {@code policy} published at or before {@code instant} (0 when none was). */
  static int versionPublishedBy(List<CheckpointPublished> events, String policy, Instant instant) {
    return events.stream()
        .filter(event -> event.getPolicy().getName().equals(policy) && !event.getOccurredAt().isAfter(instant))
        .mapToInt(event -> event.getPolicy().getVersion())
        .max().orElse(0);
  }

  private static AccuracyPoint of(VersionResult result) {
    return new AccuracyPoint(result.version(), result.decisionAccuracy().rate(), result.decisionAccuracy().trials(),
        result.decisionAccuracyVotes().games());
  }
}
