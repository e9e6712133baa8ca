package org.visionzero.ops.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Recovery times of the kills (kill to the restarted process's next committed output, or for a broker to every
 * partition back at full in-sync replicas), and the kills whose recovery was not seen before the run ended.
 */
public final class RecoveryTimes {

  private static final double MEDIAN = 0.50;
  private static final double P99 = 0.99;

  private final List<Long> millis = new ArrayList<>();
  private int unobserved;

  public synchronized void recovered(long ms) {
    if (ms < 0) {
      throw new IllegalArgumentException("A recovery time cannot be negative, was " + ms);
    }
    millis.add(ms);
  }

  public synchronized void unobserved() {
    unobserved++;
  }

  public synchronized int observedCount() {
    return millis.size();
  }

  public synchronized int unobservedCount() {
    return unobserved;
  }

  public OptionalLong p50() {
    return percentile(MEDIAN);
  }

  public OptionalLong p99() {
    return percentile(P99);
  }

  /** Nearest rank: the smallest time with at least {@code fraction} of the times at or below it. */
  public synchronized OptionalLong percentile(double fraction) {
    if (!(fraction > 0 && fraction <= 1)) {
      throw new IllegalArgumentException("A percentile is in (0, 1], was " + fraction);
    }
    if (millis.isEmpty()) {
      return OptionalLong.empty();
    }
    List<Long> sorted = millis.stream().sorted().toList();
    int rank = (int) Math.ceil(fraction * sorted.size());
    return OptionalLong.of(sorted.get(rank - 1));
  }
}
