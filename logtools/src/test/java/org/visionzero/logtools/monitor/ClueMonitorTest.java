package org.visionzero.logtools.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.visionzero.events.DeadLetter;
import org.visionzero.events.GameEvent;
import org.visionzero.game.testing.GameLogs;
import org.visionzero.game.testing.Games;
import org.visionzero.logtools.replay.FakeLog;
import org.visionzero.topics.TopicCatalog;

class ClueMonitorTest {
  private final TopicCatalog topics = TopicCatalog.defaults();
  private final FakeLog fake = FakeLog.of(topics);
  private final MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(),
      new ByteArraySerializer());
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @Test
  void shouldMeasureCluesDeadLetterPoisonAndCommitWhenPolled() {
    // given a game whose seats all give the same clue, and a record no serde can decode
    List<GameEvent> log = GameLogs.codeGame("g-m").clues(request -> "a red cube").play();
    log.forEach(event -> fake.append(topics.gameEvents(), "g-m", event));
    fake.appendRaw(topics.gameEvents().name(), "g-m", new byte[] {0x42});

    // when the monitor polls in its own group
    try (ClueMonitor monitor = new ClueMonitor(topics, fake, producer, registry)) {
      monitor.subscribe();
      fake.rebalance(partitionsOf(topics));
      int polled = monitor.pollOnce();

      // then every clue is measured, the repeats counted, the poison dead-lettered, the offsets committed
      assertThat(polled).isEqualTo(log.size() + 1);
      ClueStats.Snapshot stats = monitor.stats().snapshot(Games.POLICY);
      assertThat(stats.clues()).isEqualTo(8);
      assertThat(stats.repeated()).isEqualTo(7);
      assertThat(stats.vocabulary()).isEqualTo(3);
      assertThat(monitor.stats().gamesTracked()).isZero();
      List<ProducerRecord<byte[], byte[]>> sent = producer.history();
      assertThat(sent).hasSize(1);
      DeadLetter deadLetter = topics.deadLetters().valueSerde().deserializer()
          .deserialize(topics.deadLetters().name(), sent.get(0).value());
      assertThat(deadLetter.getComponent()).isEqualTo(ClueMonitor.COMPONENT);
      assertThat(deadLetter.getSourceTopic()).isEqualTo(topics.gameEvents().name());
      assertThat(sent.get(0).topic()).isEqualTo(topics.deadLetters().name());
      assertThat(registry.get(PluginConsumer.DEAD_LETTERS).tags("consumer", ClueMonitor.COMPONENT).counter().count())
          .isEqualTo(1.0);
      assertThat(registry.get(PluginConsumer.RECORDS).counter().count()).isEqualTo(log.size() + 1.0);
      TopicPartition gamePartition = new TopicPartition(topics.gameEvents().name(), deadLetter.getSourcePartition());
      OffsetAndMetadata committed = fake.committed(Set.of(gamePartition)).get(gamePartition);
      assertThat(committed.offset()).isEqualTo(log.size() + 1L);
    }
  }

  private static List<TopicPartition> partitionsOf(TopicCatalog topics) {
    List<TopicPartition> partitions = new ArrayList<>();
    for (int p = 0; p < topics.gameEvents().partitions(); p++) {
      partitions.add(new TopicPartition(topics.gameEvents().name(), p));
    }
    return partitions;
  }
}
