package org.visionzero.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopicCatalogTest {

  @Test
  void shouldNameEveryTopicOfTheArchitectureWithThePrefix() {
    TopicCatalog catalog = TopicCatalog.defaults();
    assertThat(catalog.all()).extracting(Topic::name).containsExactly(
        "vz.image-pairs", "vz.game-requests", "vz.turn-requests", "vz.game-events", "vz.trajectories",
        "vz.checkpoints", "vz.training", "vz.dead-letters");
    assertThat(TopicCatalog.of("it-42.").gameEvents().name()).isEqualTo("it-42.game-events");
  }

  @Test
  void shouldCoPartitionTheTopicsKeyedByGame() {
    TopicCatalog catalog = TopicCatalog.of("vz.", 6);
    assertThat(catalog.gameEvents().partitions()).isEqualTo(6);
    assertThat(catalog.turnRequests().partitions()).isEqualTo(6);
    assertThat(catalog.trajectories().partitions()).isEqualTo(6);
    assertThat(catalog.imagePairs().partitions()).isEqualTo(1);
  }

  @Test
  void shouldCompactCheckpointsAndKeepTheGameLog() {
    TopicCatalog catalog = TopicCatalog.defaults();
    assertThat(catalog.checkpoints().configs()).containsEntry("cleanup.policy", "compact");
    assertThat(catalog.gameEvents().configs()).containsEntry("retention.ms", "-1");
  }

  @Test
  void shouldRollSmallSegmentsSoThatRetentionAndCompactionAct() {
    TopicCatalog catalog = TopicCatalog.defaults();
    assertThat(catalog.all()).allSatisfy(topic ->
        assertThat(topic.configs()).containsEntry("segment.bytes", Integer.toString(16 * 1024 * 1024)));
  }

  @Test
  void shouldKeepTurnRequestsAQuarterOfAnHourOnly() {
    assertThat(TopicCatalog.defaults().turnRequests().configs()).containsEntry("retention.ms", "900000");
  }

  @Test
  void shouldRefuseIllegalPrefixOrPartitions() {
    assertThatThrownBy(() -> TopicCatalog.of("bad prefix/")).hasMessageContaining("may only contain");
    assertThatThrownBy(() -> TopicCatalog.of("vz.", 0)).hasMessageContaining("partitions");
  }
}
