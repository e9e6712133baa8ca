package org.visionzero.policy.remote;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter: before retry k (1-based) wait a uniform random time in
 * {@code [0, min(max, base * 2^(k-1))]}, so that many workers retrying a slow server do not retry in step.
 */
public final class Backoff {
  private final Duration base;
  private final Duration max;
  private final DoubleSupplier uniform;

  /** @param uniform uniform random numbers in [0, 1) (injected, so that tests can pin them) */
  public Backoff(Duration base, Duration max, DoubleSupplier uniform) {
    this.base = Objects.requireNonNull(base, "base");
    this.max = Objects.requireNonNull(max, "max");
    this.uniform = Objects.requireNonNull(uniform, "uniform");
    if (base.isNegative() || max.compareTo(base) < 0) {
      throw new IllegalArgumentException("backoff needs 0 <= base <= max, was " + base + " and " + max);
    }
  }

  /** The cap of the wait before retry {@code retry} (1-based): base doubled per retry, at most max. */
  public Duration ceiling(int retry) {
    if (retry < 1) {
      throw new IllegalArgumentException("retries are numbered from 1, was " + retry);
    }
    long baseMillis = base.toMillis();
    int doublings = Math.min(retry - 1, 30); // 2^30 times any base beyond a sane max: stop doubling
    long ceiling = baseMillis << doublings;
    return Duration.ofMillis(ceiling < 0 ? max.toMillis() : Math.min(ceiling, max.toMillis()));
  }

  /** A random wait before retry {@code retry}, in {@code [0, ceiling(retry)]}. */
  public Duration delay(int retry) {
    return Duration.ofMillis(Math.round(uniform.getAsDouble() * ceiling(retry).toMillis()));
  }
}
