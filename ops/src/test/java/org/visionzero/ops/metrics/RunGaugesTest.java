package org.visionzero.ops.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RunGaugesTest {

  @Test
  void givenTwoGroups_whenSampled_thenEachGroupsLagIsItsOwnGaugeAndUnknownBefore() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    AtomicLong workers = new AtomicLong(42);
    GroupLagGauges gauges = new GroupLagGauges(registry,
        (group, topics) -> group.equals("vz-workers") ? workers.get() : topics.size(),
        Map.of("vz-workers", List.of("vz.turn-requests"), "vz-scorer", List.of("a", "b")));

    assertThat(registry.get(GroupLagGauges.LAG).tag("group", "vz-workers").gauge().value()).isEqualTo(-1.0);
    gauges.sampleOnce();
    workers.set(7);
    gauges.sampleOnce();

    assertThat(registry.get(GroupLagGauges.LAG).tag("group", "vz-workers").gauge().value()).isEqualTo(7.0);
    assertThat(registry.get(GroupLagGauges.LAG).tag("group", "vz-scorer").gauge().value()).isEqualTo(2.0);
  }

  @Test
  void givenNoEvaluationYet_thenTheAccuracyGaugeIsNotANumber() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    EvaluationGauges.bind(registry, List::of);

    assertThat(registry.get(EvaluationGauges.DECISION_ACCURACY).gauge().value()).isNaN();
  }
}
