package org.visionzero.ops.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.visionzero.topics.TopicCatalog;

class ChaosLoadsTest {

  @Test
  void givenPoisonBeforeItsPackageIsBuilt_whenAsked_thenAClearRefusal() {
    assertThatThrownBy(() -> ChaosLoads.poison(1000))
        .hasMessageContaining("poison not available in this build")
        .hasMessageContaining("--poison 0");
  }

  @Test
  void givenNoPoison_thenNothingWrittenAndReportedSo() throws Exception {
    try (ChaosLoad load = ChaosLoads.poison(0)) {
      load.start(Map.of(), TopicCatalog.defaults(), Duration.ofSeconds(1));
      assertThat(load.report(Map.of(), TopicCatalog.defaults(), Duration.ofSeconds(1)))
          .containsEntry("written", 0).containsEntry("deadLettered", Map.of());
    }
  }
}
