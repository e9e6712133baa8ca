package org.visionzero.streams.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;
import org.visionzero.streams.config.CoordinatorConfig;
import org.visionzero.streams.config.ScorerConfig;
import org.visionzero.streams.leaderboard.LeaderboardTopology;
import org.visionzero.streams.scorer.ScorerApp;

/** Every node, store and internal topic has a chosen name, so a topology change never orphans state. */
class TopologyNamingTest {
  private static final String GENERATED = "KSTREAM-|KTABLE-|STATE-STORE-";

  @Test
  void shouldNameEveryNodeStoreAndInternalTopicOfTheCoordinator() {
    TopologyDescription description = CoordinatorApp.buildTopology(
        new CoordinatorConfig(Map.of("state.dir", "/tmp/x")), new SimpleMeterRegistry()).describe();

    assertThat(description.toString()).doesNotContainPattern(GENERATED)
        .contains(CoordinatorStores.GAMES, CoordinatorStores.DEADLINES, CoordinatorStores.QUEUE,
            CoordinatorStores.IN_FLIGHT, CoordinatorStores.RELEASES + "-repartition");
    assertThat(description.subtopologies()).hasSize(2);
  }

  @Test
  void shouldNameEveryNodeStoreAndInternalTopicOfScorerAndLeaderboard() {
    Map<String, Object> values = Map.of("state.dir", "/tmp/x");

    String scorer = ScorerApp.buildTopology(ScorerConfig.scorer(values), new SimpleMeterRegistry()).describe()
        .toString();
    String leaderboard = LeaderboardTopology.build(ScorerConfig.leaderboard(values)).describe().toString();

    assertThat(scorer).doesNotContainPattern(GENERATED);
    assertThat(leaderboard).doesNotContainPattern(GENERATED)
        .contains(LeaderboardTopology.STORE, LeaderboardTopology.BY_PAIRING + "-repartition");
  }
}
