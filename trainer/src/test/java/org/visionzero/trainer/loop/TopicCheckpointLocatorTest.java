package org.visionzero.trainer.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.visionzero.events.BlobRef;
import org.visionzero.events.CheckpointPublished;
import org.visionzero.events.PolicyRef;
import org.visionzero.topics.Topic;
import org.visionzero.topics.TopicCatalog;

class TopicCheckpointLocatorTest {
  private static final Topic<String, CheckpointPublished> TOPIC = TopicCatalog.of("t.").checkpoints();
  private static final TopicPartition PARTITION = new TopicPartition(TOPIC.name(), 0);

  private static CheckpointPublished checkpoint(String policy, String run, int version) {
    return CheckpointPublished.newBuilder()
        .setEventId("checkpoint/" + policy + "/" + version)
        .setOccurredAt(Instant.EPOCH)
        .setPolicy(new PolicyRef(policy, version))
        .setCheckpoint(new BlobRef("blob:sha256/" + version, "0".repeat(64), "application/x-vz-checkpoint", 1L))
        .setTrainerStep(version * 10L)
        .setParentVersion(version - 1)
        .setArchitecture("a")
        .setRunId(run)
        .build();
  }

  @Test
  void shouldReturnTheNewestCheckpointOfThePolicyAndRunSkippingOthersAndGarbage() {
    MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
    consumer.updatePartitions(TOPIC.name(), List.of(new PartitionInfo(TOPIC.name(), 0, Node.noNode(), new Node[0],
        new Node[0])));
    consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
    consumer.updateEndOffsets(Map.of(PARTITION, 5L));
    List<CheckpointPublished> events = List.of(checkpoint("vz", "run-1", 1), checkpoint("vz", "run-1", 2),
        checkpoint("vz", "run-2", 9), checkpoint("other", "run-1", 7));
    consumer.schedulePollTask(() -> {
      for (int i = 0; i < events.size(); i++) {
        consumer.addRecord(new ConsumerRecord<>(TOPIC.name(), 0, i, new byte[0],
            TOPIC.valueSerde().serializer().serialize(TOPIC.name(), events.get(i))));
      }
      consumer.addRecord(new ConsumerRecord<>(TOPIC.name(), 0, 4, new byte[0], "garbage".getBytes()));
    });

    var latest = new TopicCheckpointLocator(consumer, TOPIC, Duration.ofSeconds(5)).latest("vz", "run-1");

    assertThat(latest).hasValueSatisfying(c -> assertThat(c.getPolicy().getVersion()).isEqualTo(2));
  }

  @Test
  void givenAForgedVersionFromTheFutureOfItsRun_whenLocating_thenTheLastBelievableOneIsTheResumePoint() {
    MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
    consumer.updatePartitions(TOPIC.name(), List.of(new PartitionInfo(TOPIC.name(), 0, Node.noNode(), new Node[0],
        new Node[0])));
    consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
    consumer.updateEndOffsets(Map.of(PARTITION, 3L));
    List<CheckpointPublished> events = List.of(checkpoint("vz", "run-1", 1), checkpoint("vz", "run-1", 2),
        checkpoint("vz", "run-1", 1_000_000)); // its parent 999,999 was never published: no blob behind it
    consumer.schedulePollTask(() -> {
      for (int i = 0; i < events.size(); i++) {
        consumer.addRecord(new ConsumerRecord<>(TOPIC.name(), 0, i, new byte[0],
            TOPIC.valueSerde().serializer().serialize(TOPIC.name(), events.get(i))));
      }
    });

    var latest = new TopicCheckpointLocator(consumer, TOPIC, Duration.ofSeconds(5)).latest("vz", "run-1");

    assertThat(latest).hasValueSatisfying(c -> assertThat(c.getPolicy().getVersion()).isEqualTo(2));
  }

  @Test
  void shouldFindNothingOnAnEmptyTopic() {
    MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
    consumer.updatePartitions(TOPIC.name(), List.of(new PartitionInfo(TOPIC.name(), 0, Node.noNode(), new Node[0],
        new Node[0])));
    consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
    consumer.updateEndOffsets(Map.of(PARTITION, 0L));

    assertThat(new TopicCheckpointLocator(consumer, TOPIC, Duration.ofSeconds(1)).latest("vz", "run-1")).isEmpty();
  }
}
