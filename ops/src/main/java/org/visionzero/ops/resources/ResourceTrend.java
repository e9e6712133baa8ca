package org.visionzero.ops.resources;

import java.util.List;
import java.util.OptionalDouble;

/**
 * What a long run's resource samples say about it (issue 22's soak): whether resident memory still grows once the
 * run has settled, and whether self-play keeps its pace to the end. Only self-play samples count: the final
 * evaluation does other work.
 */
public final class ResourceTrend {
  /** Minutes a run is given to settle (caches filling, JIT, stores opening) before its memory slope counts. */
  public static final double SETTLE_MINUTES = 10;
  /** Width of the two throughput windows: minutes 10–20 and the last 10 minutes of self-play. */
  public static final double WINDOW_MINUTES = 10;
  /** MB as the soak's bound states it: 10^6 bytes. */
  static final double BYTES_PER_MB = 1e6;

  private ResourceTrend() {}

  /**
   * Least-squares slope of resident memory over the self-play samples from minute 10 on, in MB per minute; empty
   * with fewer than two such samples.
   */
  public static OptionalDouble rssSlopeMbPerMinute(List<ResourceSample> samples) {
    List<ResourceSample> settled = selfPlay(samples).stream().filter(s -> s.minute() >= SETTLE_MINUTES).toList();
    if (settled.size() < 2) {
      return OptionalDouble.empty();
    }
    double meanX = settled.stream().mapToDouble(ResourceSample::minute).average().orElseThrow();
    double meanY = settled.stream().mapToDouble(s -> s.rssBytes() / BYTES_PER_MB).average().orElseThrow();
    double covariance = 0;
    double variance = 0;
    for (ResourceSample s : settled) {
      double dx = s.minute() - meanX;
      covariance += dx * (s.rssBytes() / BYTES_PER_MB - meanY);
      variance += dx * dx;
    }
    return variance == 0 ? OptionalDouble.empty() : OptionalDouble.of(covariance / variance);
  }

  /**
   * Games per minute in the last 10 minutes of self-play over games per minute in minutes 10–20; empty unless
   * self-play lasted at least 30 minutes (so that the windows do not overlap) or when minutes 10–20 completed no game.
   */
  public static OptionalDouble lateThroughputRatio(List<ResourceSample> samples) {
    List<ResourceSample> selfPlay = selfPlay(samples);
    if (selfPlay.isEmpty()) {
      return OptionalDouble.empty();
    }
    double end = selfPlay.get(selfPlay.size() - 1).minute();
    if (end < SETTLE_MINUTES + 2 * WINDOW_MINUTES) {
      return OptionalDouble.empty();
    }
    double early = gamesAt(selfPlay, SETTLE_MINUTES + WINDOW_MINUTES) - gamesAt(selfPlay, SETTLE_MINUTES);
    double late = gamesAt(selfPlay, end) - gamesAt(selfPlay, end - WINDOW_MINUTES);
    return early <= 0 ? OptionalDouble.empty() : OptionalDouble.of(late / early);
  }

  /** Games completed by {@code minute}, interpolated linearly between the samples around it. */
  static double gamesAt(List<ResourceSample> samples, double minute) {
    ResourceSample before = samples.get(0);
    if (minute <= before.minute()) {
      return before.gamesCompleted();
    }
    for (ResourceSample after : samples) {
      if (after.minute() >= minute) {
        double span = after.minute() - before.minute();
        double share = span == 0 ? 1 : (minute - before.minute()) / span;
        return before.gamesCompleted() + share * (after.gamesCompleted() - before.gamesCompleted());
      }
      before = after;
    }
    return before.gamesCompleted();
  }

  private static List<ResourceSample> selfPlay(List<ResourceSample> samples) {
    return samples.stream().filter(ResourceSample::selfPlay).toList();
  }
}
