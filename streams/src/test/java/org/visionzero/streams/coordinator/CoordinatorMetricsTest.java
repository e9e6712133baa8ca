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
    System.gc(); // nothing holds the second instance now: its gauges must still read its counts


    assertThat(registry.get(CoordinatorMetrics.GAMES_IN_FLIGHT).gauge().value()).isEqualTo(1.0);
    assertThat(registry.get(CoordinatorMetrics.GAMES_WAITING).gauge().value()).isZero();
  }
}
