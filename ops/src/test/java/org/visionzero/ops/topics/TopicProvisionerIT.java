package org.visionzero.ops.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.visionzero.ops.testing.KafkaBrokerExtension;
import org.visionzero.topics.Topic;
import org.visionzero.topics.TopicCatalog;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TopicProvisionerIT {

  @RegisterExtension
  static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  @Test
  void shouldCreateEveryCatalogTopicOnceAndReportExistingOnesOnSecondRun() {
    TopicCatalog catalog = KAFKA.uniqueCatalog();
    try (Admin admin = KAFKA.admin()) {
      TopicProvisioner provisioner = new TopicProvisioner(admin, TIMEOUT);

      List<TopicState> first = provisioner.create(catalog);
      List<TopicState> second = provisioner.create(catalog);

      assertThat(first).extracting(TopicState::topic)
          .containsExactlyElementsOf(catalog.all().stream().map(Topic::name).toList());
      assertThat(first).extracting(TopicState::status).containsOnly(TopicState.CREATED);
      assertThat(second).extracting(TopicState::status).containsOnly(TopicState.EXISTS);
      assertThat(second).allSatisfy(state -> {
        assertThat(state.problems()).isEmpty();
        assertThat(state.partitions()).isEqualTo(state.expectedPartitions());
      });
      assertThat(second).filteredOn(state -> state.topic().equals(catalog.checkpoints().name()))
          .singleElement().satisfies(state ->
              assertThat(state.configs()).containsEntry("cleanup.policy", Topic.COMPACT));
    }
  }

  @Test
  void shouldReportMissingTopicsAndDifferencesFromTheCatalog() throws Exception {
    TopicCatalog catalog = KAFKA.uniqueCatalog();
    String gameEvents = catalog.gameEvents().name();
    try (Admin admin = KAFKA.admin()) {
      admin.createTopics(Set.of(new NewTopic(gameEvents, 1, (short) 1)
          .configs(Map.of("cleanup.policy", "compact")))).all().get(10, TimeUnit.SECONDS);
      // created is not yet visible: on a loaded machine the broker's metadata lagged the controller's answer, and
      // describe said the topic was missing
      await().atMost(Duration.ofSeconds(30))
          .until(() -> admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(gameEvents));

      List<TopicState> states = new TopicProvisioner(admin, TIMEOUT).describe(catalog);

      assertThat(states).filteredOn(state -> !state.topic().equals(gameEvents))
          .extracting(TopicState::status).containsOnly(TopicState.MISSING);
      assertThat(states).filteredOn(state -> state.topic().equals(gameEvents)).singleElement()
          .satisfies(state -> assertThat(state.problems()).containsExactlyInAnyOrder(
              "has 1 partitions, the catalog expects " + catalog.gamePartitions(),
              "cleanup.policy is compact, the catalog expects delete",
              "retention.ms is 604800000, the catalog expects -1"));
    }
  }

}
