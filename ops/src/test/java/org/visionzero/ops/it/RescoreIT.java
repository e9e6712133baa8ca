package org.visionzero.ops.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.visionzero.events.ClueGiven;
import org.visionzero.events.GameEvent;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.logtools.replay.TopicReads;
import org.visionzero.logtools.rescore.Rescore;
import org.visionzero.logtools.rescore.RescoreFrom;
import org.visionzero.logtools.rescore.RescoreReport;
import org.visionzero.ops.testing.KafkaBrokerExtension;
import org.visionzero.topics.Topic;
import org.visionzero.topics.TopicCatalog;

/**
 * Re-scoring on a real broker: the log the pipeline wrote re-derives byte-identical trajectories, and a copy
 * of that log with two games' clues altered (trajectories copied unchanged) is caught, game by game.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class RescoreIT {

  @RegisterExtension
  static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

  private static final int GAMES = 6;
  private static final Duration BUDGET = Duration.ofSeconds(90);
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @Test
  void shouldReportAllIdenticalOnTheUntouchedLogAndNameTheGamesWhoseEventsWereAltered() throws Exception {
    // given six games played by the pipeline
    TopicCatalog topics = KAFKA.createTopics(KAFKA.uniqueCatalog());
    Path dir = Files.createTempDirectory("rescore-it");
    Map<String, ScoredTrajectory> recorded;
    try (ReplayIT.ScriptedPipeline pipeline = ReplayIT.ScriptedPipeline.start(KAFKA, topics, dir, GAMES,
        request -> "seat " + request.getSeat() + " round " + request.getRound())) {
      recorded = pipeline.awaitAll(BUDGET);
    }

    // when the untouched log is re-scored
    RescoreReport untouched = Rescore.run(KAFKA.clientProperties(), topics, RescoreFrom.beginning(), TIMEOUT);

    // then every trajectory is re-derived byte for byte, and the scratch topics are gone
    assertThat(untouched.total()).isEqualTo(GAMES);
    assertThat(untouched.identical()).isEqualTo(GAMES);
    assertThat(untouched.allIdentical()).as(untouched.toJson()).isTrue();
    try (Admin admin = KAFKA.admin()) {
      assertThat(admin.listTopics().names().get()).noneMatch(name -> name.contains("rescore-"));
    }
    Files.writeString(ReplayIT.outputDir().resolve("rescore-untouched.json"), untouched.toJson());

    // given a copy of the log in which two games' clues were altered, with the recorded trajectories
    List<String> games = List.copyOf(recorded.keySet());
    Set<String> altered = Set.of(games.get(1), games.get(4));
    TopicCatalog copy = KAFKA.createTopics(KAFKA.uniqueCatalog());
    copyAltering(topics, copy, altered);

    // when the altered copy is re-scored
    RescoreReport report = Rescore.run(KAFKA.clientProperties(), copy, RescoreFrom.beginning(), TIMEOUT);

    // then exactly the altered games differ
    assertThat(report.total()).isEqualTo(GAMES);
    assertThat(report.identical()).isEqualTo(GAMES - altered.size());
    assertThat(report.differing()).containsExactlyInAnyOrderElementsOf(altered);
    assertThat(report.notRecorded()).isEmpty();
    assertThat(report.notRescored()).isEmpty();
    Files.writeString(ReplayIT.outputDir().resolve("rescore-altered.json"), report.toJson());

    // and a window after the last game compares nothing
    RescoreReport later = Rescore.run(KAFKA.clientProperties(), topics,
        RescoreFrom.time(Instant.now().plusSeconds(3600)), TIMEOUT);
    assertThat(later.total()).isZero();
  }

  /** Copies game-events (partition for partition, one clue of each altered game changed) and trajectories. */
  private static void copyAltering(TopicCatalog from, TopicCatalog to, Set<String> altered) throws Exception {
    Map<String, Object> props = KAFKA.clientProperties();
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    Topic<String, GameEvent> events = from.gameEvents();
    try (KafkaConsumer<String, byte[]> consumer = ReplayIT.readCommitted(KAFKA);
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
            new ByteArraySerializer())) {
      TopicReads.readToEnd(consumer, TopicReads.partitions(consumer, events.name(), TIMEOUT), TIMEOUT, record -> {
        byte[] value = record.value();
        GameEvent event = events.valueSerde().deserializer().deserialize(record.topic(), value);
        if (altered.contains(event.getGameId()) && event.getPayload() instanceof ClueGiven clue
            && clue.getSeat() == 1 && clue.getRound() == 1) {
          ClueGiven changed = ClueGiven.newBuilder(clue).setText(clue.getText() + " (edited)").build();
          value = events.valueSerde().serializer().serialize(record.topic(),
              GameEvent.newBuilder(event).setPayload(changed).build());
        }
        producer.send(new ProducerRecord<>(to.gameEvents().name(), record.partition(), record.key(), value));
      });
      TopicReads.readToEnd(consumer, TopicReads.partitions(consumer, from.trajectories().name(), TIMEOUT), TIMEOUT,
          record -> producer.send(new ProducerRecord<>(to.trajectories().name(), record.partition(), record.key(),
              record.value())));
      producer.flush();
    }
  }
}
