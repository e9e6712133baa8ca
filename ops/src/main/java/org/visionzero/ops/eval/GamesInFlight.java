package org.visionzero.ops.eval;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluation games requested but not yet scored, bounded by {@code max}. With no result for the stall timeout
 * while games are out, those games are counted as lost (a request the coordinator dropped, a game aborted), so
 * the window never stays full for good. Not thread-safe: the evaluator's loop thread owns it.
 */
final class GamesInFlight {

  private static final Logger LOG = LoggerFactory.getLogger(GamesInFlight.class);

  private final int max;
  private final Duration stallTimeout;
  private long sent;
  private long received;
  private Instant lastProgress;

  GamesInFlight(int max, Duration stallTimeout, Instant now) {
    this.max = max;
    this.stallTimeout = stallTimeout;
    this.lastProgress = now;
  }

  boolean hasRoom() {
    return sent - received < max;
  }

  void sent() {
    sent++;
  }

  void received(Instant now) {
    received++;
    lastProgress = now;
  }

  /** Counts the games out as lost when no result came for the stall timeout; returns how many it dropped. */
  long dropIfStalled(Instant now) {
    if (sent > received && Duration.between(lastProgress, now).compareTo(stallTimeout) > 0) {
      long lost = sent - received;
      LOG.warn("no evaluation result for {}: counting {} requested games as lost", stallTimeout, lost);
      sent = received;
      lastProgress = now;
      return lost;
    }
    return 0;
  }

  long count() {
    return sent - received;
  }
}
