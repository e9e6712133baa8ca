package org.visionzero.streams.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class CoordinatorMetricsTest {

  @Test
  void shouldReportTheNewInstancesGaugesAfterARestartInTheSameRegistry() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    new CoordinatorMetrics(registry).admission(5, 2);

    new CoordinatorMetrics(registry).admission(1, 0);

    assertThat(registry.get(CoordinatorMetrics.GAMES_IN_FLIGHT).gauge().value()).isEqualTo(1.0);
    assertThat(registry.get(CoordinatorMetrics.GAMES_WAITING).gauge().value()).isZero();
  }

  @Test
  void shouldSortDecidersReasonsIntoMetricTags() {
    assertThat(CoordinatorMetrics.classify("duplicate: turn 3 is already answered"))
        .isEqualTo(CoordinatorMetrics.IgnoredReason.DUPLICATE);
    assertThat(CoordinatorMetrics.classify("stale: attempt 1 of turn 0, current attempt is 2"))
        .isEqualTo(CoordinatorMetrics.IgnoredReason.STALE);
    assertThat(CoordinatorMetrics.classify("seat 3 is not due at turn 0 (seat 1 is)"))
        .isEqualTo(CoordinatorMetrics.IgnoredReason.WRONG_SEAT);
    assertThat(CoordinatorMetrics.classify("game is COMPLETED")).isEqualTo(CoordinatorMetrics.IgnoredReason.NOT_RUNNING);
    assertThat(CoordinatorMetrics.classify("turn 4 is not due yet")).isEqualTo(CoordinatorMetrics.IgnoredReason.NOT_DUE);
  }
}
