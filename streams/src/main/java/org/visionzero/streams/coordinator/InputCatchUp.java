package org.visionzero.streams.coordinator;

import java.time.Instant;

/**
 * When a games task has caught up with its input after it (re)started, so that turn deadlines count only
 * from then ({@link org.visionzero.game.fold.GameCommand.CheckTimeouts#liveSince}).
 *
 * <p>Caught up means one of: a record written after the task started has been processed (the partition is
 * read in order, so the backlog that was there at the start is behind it; the coordinator's own writes come
 * back on this topic, so one arrives soon after any work), or no record came for {@code idle} (nothing left
 * to read). Until then a deadline cannot fire: an answer to the turn may be waiting in the backlog, and the
 * workers lost the same time as the coordinator. Not thread-safe: a task's processor runs on one thread.
 */
final class InputCatchUp {
  private final long startedAtMs;
  private final long idleMs;
  private long lastRecordAtMs;
  private long liveSinceMs = -1;

  /**
   * @param startedAtMs wall-clock time at which the task started
   * @param idleMs      how long without input counts as caught up
   */
  InputCatchUp(long startedAtMs, long idleMs) {
    if (idleMs < 1) {
      throw new IllegalArgumentException("idleMs must be at least 1, was " + idleMs);
    }
    this.startedAtMs = startedAtMs;
    this.idleMs = idleMs;
    this.lastRecordAtMs = startedAtMs;
  }

  /** A record was processed: its timestamp (when it was written) and the wall clock now. */
  void onRecord(long recordTimestampMs, long nowMs) {
    lastRecordAtMs = nowMs;
    if (liveSinceMs < 0 && recordTimestampMs >= startedAtMs) {
      liveSinceMs = nowMs;
    }
  }

  /** Whether the task has caught up by {@code nowMs} (it stays caught up once it has). */
  boolean isLive(long nowMs) {
    if (liveSinceMs < 0 && nowMs - lastRecordAtMs >= idleMs) {
      liveSinceMs = nowMs;
    }
    return liveSinceMs >= 0;
  }

  /** Since when the task has been caught up; only meaningful once {@link #isLive} said so. */
  Instant liveSince() {
    if (liveSinceMs < 0) {
      throw new IllegalStateException("the task has not caught up with its input yet");
    }
    return Instant.ofEpochMilli(liveSinceMs);
  }

  /** {@link #liveSince()}, or the epoch while still catching up (deadlines then count from their turns). */
  Instant liveSinceOrEpoch() {
    return liveSinceMs < 0 ? Instant.EPOCH : Instant.ofEpochMilli(liveSinceMs);
  }
}
