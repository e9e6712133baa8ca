package org.visionzero.workers.batch;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/**
 * Gathers records into micro-batches: a batch is ready when it holds {@code maxSize} records or its oldest
 * record has waited {@code maxWait}. Records leave in arrival order, so a batch is a prefix of every
 * partition's pending records and committing its offsets never skips a record.
 */
public final class BatchAccumulator<T> {
  private final int maxSize;
  private final long maxWaitNanos;
  private final Deque<T> pending = new ArrayDeque<>();
  private long oldestArrivalNanos;

  public BatchAccumulator(int maxSize, Duration maxWait) {
    if (maxSize < 1) {
      throw new IllegalArgumentException("batch size must be >= 1, was " + maxSize);
    }
    if (maxWait.isNegative()) {
      throw new IllegalArgumentException("batch wait must not be negative, was " + maxWait);
    }
    this.maxSize = maxSize;
    this.maxWaitNanos = maxWait.toNanos();
  }

  public void addAll(Collection<T> records, long nowNanos) {
    if (records.isEmpty()) {
      return;
    }
    if (pending.isEmpty()) {
      oldestArrivalNanos = nowNanos;
    }
    pending.addAll(records);
  }

  public boolean isReady(long nowNanos) {
    return pending.size() >= maxSize || (!pending.isEmpty() && nowNanos - oldestArrivalNanos >= maxWaitNanos);
  }

  /** How long the caller may block for more records before the pending batch is due. */
  public Duration timeUntilDue(long nowNanos, Duration idleWait) {
    if (pending.isEmpty()) {
      return idleWait;
    }
    long left = oldestArrivalNanos + maxWaitNanos - nowNanos;
    return Duration.ofNanos(Math.max(0, Math.min(left, idleWait.toNanos())));
  }

  /** Removes and returns the next batch: up to {@code maxSize} records, oldest first. */
  public List<T> drain(long nowNanos) {
    List<T> batch = new ArrayList<>(Math.min(maxSize, pending.size()));
    while (batch.size() < maxSize && !pending.isEmpty()) {
      batch.add(pending.poll());
    }
    // What stays behind arrived after the drained records; its wait starts now at the latest.
    oldestArrivalNanos = nowNanos;
    return batch;
  }

  /** Drops pending records matching the filter (e.g. of partitions this worker lost). */
  public void discardIf(Predicate<T> filter) {
    pending.removeIf(filter);
  }

  public int size() {
    return pending.size();
  }

  public boolean isEmpty() {
    return pending.isEmpty();
  }
}
