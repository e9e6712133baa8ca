package org.visionzero.policy.remote;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Stops calling a server that keeps failing: after {@code threshold} consecutive failures the breaker opens and
 * refuses calls for {@code openFor}; then one trial call is let through (half-open): its success closes the
 * breaker, its failure opens it again. Thread-safe.
 */
public final class CircuitBreaker {
  /** Where the breaker stands. */
  public enum State { CLOSED, OPEN, HALF_OPEN }

  private final int threshold;
  private final long openForNanos;
  private final LongSupplier nanoClock;
  private State state = State.CLOSED;
  private int consecutiveFailures;
  private long openedAt;
  private boolean trialInFlight;

  /** @param nanoClock monotonic nanoseconds (System::nanoTime; injected for tests) */
  public CircuitBreaker(int threshold, Duration openFor, LongSupplier nanoClock) {
    if (threshold < 1) {
      throw new IllegalArgumentException("the breaker needs a threshold of at least 1 failure, was " + threshold);
    }
    this.threshold = threshold;
    this.openForNanos = Objects.requireNonNull(openFor, "openFor").toNanos();
    this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
  }

  /** True when a call may go out now; in half-open, only the one trial call gets true. */
  public synchronized boolean tryAcquire() {
    if (state == State.OPEN && nanoClock.getAsLong() - openedAt >= openForNanos) {
      state = State.HALF_OPEN;
      trialInFlight = false;
    }
    return switch (state) {
      case CLOSED -> true;
      case OPEN -> false;
      case HALF_OPEN -> {
        if (trialInFlight) {
          yield false;
        }
        trialInFlight = true;
        yield true;
      }
    };
  }

  public synchronized void recordSuccess() {
    consecutiveFailures = 0;
    state = State.CLOSED;
    trialInFlight = false;
  }

  public synchronized void recordFailure() {
    consecutiveFailures++;
    if (state == State.HALF_OPEN || consecutiveFailures >= threshold) {
      state = State.OPEN;
      openedAt = nanoClock.getAsLong();
      trialInFlight = false;
    }
  }

  /** A call that went out but counts neither way (a refusal of the request itself, not a sign of ill health). */
  public synchronized void recordNeutral() {
    if (state == State.HALF_OPEN) {
      trialInFlight = false;
    }
  }

  public synchronized State state() {
    return state;
  }

  public synchronized int consecutiveFailures() {
    return consecutiveFailures;
  }
}
