package org.visionzero.ops.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.visionzero.topics.TopicCatalog;

class ChaosLoadsTest {

  @Test
  void givenPoison_thenAPoisonLoadAndANegativeCountRefused() {
    assertThat(ChaosLoads.poison(1000, 7)).isInstanceOf(PoisonLoad.class);
    assertThatThrownBy(() -> ChaosLoads.poison(-1, 7)).hasMessageContaining("--poison must be 0 or more");
  }

  @Test
  void givenNoPoison_thenNothingWrittenAndReportedSo() throws Exception {
    try (ChaosLoad load = ChaosLoads.poison(0, 7)) {
      load.start(Map.of(), TopicCatalog.defaults(), Duration.ofSeconds(1));
      assertThat(load.report(Map.of(), TopicCatalog.defaults(), Duration.ofSeconds(1)))
          .containsEntry("written", 0).containsEntry("deadLettered", Map.of());
      assertThat(load.settled(Map.of(), TopicCatalog.defaults())).as("nothing for the drain to wait for").isTrue();
    }
  }

  @Test
  void givenUnaccountedPoison_thenTheRunIsBrokenByIt() {
    assertThat(PoisonLoad.unaccounted(Map.of("unaccounted", 3))).isEqualTo(3);
    assertThat(PoisonLoad.unaccounted(Map.of("written", 0))).isZero();
  }
}
