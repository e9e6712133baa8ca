package org.visionzero.logtools.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.visionzero.events.DeadLetter;
import org.visionzero.events.GameEvent;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.game.testing.GameLogs;
import org.visionzero.logtools.replay.FakeLog;
import org.visionzero.topics.TopicCatalog;

class PluginConsumerTest {
  private final TopicCatalog topics = TopicCatalog.defaults();
  private final FakeLog fake = FakeLog.of(topics);
  private final MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(),
      new ByteArraySerializer());
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  /** The shape DEBUGGING.md shows: one method over decoded trajectories. */
  static final class WinnerCounter extends PluginConsumer<ScoredTrajectory> {
    final List<String> games = new ArrayList<>();

    WinnerCounter(TopicCatalog topics, Consumer<String, byte[]> consumer, Producer<byte[], byte[]> producer,
        MeterRegistry registry) {
      super("winner-counter", topics.trajectories(), topics.deadLetters(), consumer, producer, registry);
    }

    @Override
    protected void handle(ConsumerRecord<String, byte[]> record, ScoredTrajectory trajectory) {
      if (trajectory.getGameId().startsWith("g-bad")) {
        throw new IllegalStateException("cannot count " + trajectory.getGameId());
      }
      if (trajectory.getGameId().startsWith("g-broker")) {
        throw new KafkaException("broker gone");
      }
      games.add(trajectory.getGameId());
    }
  }

  @Test
  void shouldDeadLetterTombstonesAndRecordsItsHandlerRefusesAndGoOn() {
    List<GameEvent> log = GameLogs.codeGame("g-ok").play();
    ScoredTrajectory good = GameLogs.score(log);
    fake.append(topics.trajectories(), "g-ok", good);
    fake.append(topics.trajectories(), "g-bad", ScoredTrajectory.newBuilder(good).setGameId("g-bad").build());
    fake.appendRaw(topics.trajectories().name(), "g-tomb", null);

    try (WinnerCounter counter = new WinnerCounter(topics, fake, producer, registry)) {
      counter.subscribe();
      fake.rebalance(partitions());
      counter.pollOnce();

      assertThat(counter.games).containsExactly("g-ok");
      List<DeadLetter> deadLetters = producer.history().stream().map(record -> topics.deadLetters().valueSerde()
          .deserializer().deserialize(record.topic(), record.value())).toList();
      assertThat(deadLetters).extracting(DeadLetter::getError).anySatisfy(error ->
          assertThat(error).contains("cannot count g-bad")).anySatisfy(error ->
          assertThat(error).contains("tombstone"));
      assertThat(deadLetters).extracting(DeadLetter::getComponent).containsOnly("winner-counter");
      assertThat(registry.get(PluginConsumer.DEAD_LETTERS).tags("consumer", "winner-counter").counter().count())
          .isEqualTo(2.0);
    }
  }

  @Test
  void shouldLetKafkaFailuresPropagateWithoutCommitting() {
    ScoredTrajectory trajectory = GameLogs.score(GameLogs.codeGame("g-broker").play());
    fake.append(topics.trajectories(), "g-broker", trajectory);

    try (WinnerCounter counter = new WinnerCounter(topics, fake, producer, registry)) {
      counter.subscribe();
      fake.rebalance(partitions());

      assertThatThrownBy(counter::pollOnce).isInstanceOf(KafkaException.class).hasMessage("broker gone");
      assertThat(fake.committed(new java.util.HashSet<>(partitions()))).allSatisfy((partition, offset) ->
          assertThat(offset).isNull());
      assertThat(producer.history()).isEmpty();
    }
  }

  private List<TopicPartition> partitions() {
    List<TopicPartition> partitions = new ArrayList<>();
    for (int p = 0; p < topics.trajectories().partitions(); p++) {
      partitions.add(new TopicPartition(topics.trajectories().name(), p));
    }
    return partitions;
  }
}
