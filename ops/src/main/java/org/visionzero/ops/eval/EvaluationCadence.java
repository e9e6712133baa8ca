package org.visionzero.ops.eval;

import java.time.Duration;
import java.time.Instant;

/**
 * When the evaluator may start the next version's evaluation while training runs: at least {@code interval}
 * after the previous one started. The first evaluation (v0's, the base of every curve) is always due.
 */
final class EvaluationCadence {

  private final Duration interval;
  private Instant lastStart;

  EvaluationCadence(Duration interval) {
    if (interval.isNegative()) {
      throw new IllegalArgumentException("evaluation interval must not be negative, was " + interval);
    }
    this.interval = interval;
  }

  boolean due(Instant now) {
    return lastStart == null || !now.isBefore(lastStart.plus(interval));
  }

  void started(Instant now) {
    lastStart = now;
  }
}
