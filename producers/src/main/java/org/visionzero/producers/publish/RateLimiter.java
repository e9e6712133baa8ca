package org.visionzero.producers.publish;

import java.util.concurrent.TimeUnit;

/** Spaces calls evenly at a given rate per second; a rate of 0 never waits. */
final class RateLimiter {

  private static final double NANOS_PER_SECOND = 1e9;

  private final double intervalNanos;
  private long next = Long.MIN_VALUE;

  RateLimiter(double perSecond) {
    this.intervalNanos = perSecond == 0 ? 0 : NANOS_PER_SECOND / perSecond;
  }

  /** Waits for the next slot. */
  void acquire() throws InterruptedException {
    if (intervalNanos == 0) {
      return;
    }
    long now = System.nanoTime();
    if (next == Long.MIN_VALUE) {
      next = now;
    }
    long wait = next - now;
    if (wait > 0) {
      TimeUnit.NANOSECONDS.sleep(wait);
    }
    next = Math.max(next, now) + (long) intervalNanos;
  }
}
