package org.visionzero.ops.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.visionzero.events.BlobRef;
import org.visionzero.events.GameAborted;
import org.visionzero.events.GameCompleted;
import org.visionzero.events.GameEvent;
import org.visionzero.events.GameStarted;
import org.visionzero.events.ImagePairCreated;
import org.visionzero.events.ImageSource;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.ops.testing.KafkaBrokerExtension;
import org.visionzero.ops.testing.ScriptedWorker;
import org.visionzero.streams.config.CoordinatorConfig;
import org.visionzero.streams.config.ScorerConfig;
import org.visionzero.streams.config.StreamsAppSettings;
import org.visionzero.streams.coordinator.CoordinatorApp;
import org.visionzero.streams.scorer.ScorerApp;
import org.visionzero.topics.TopicCatalog;

/**
 * The coordinator on a real broker with a scripted, transactional worker: every pair becomes exactly one
 * completed game, even though the coordinator application is stopped and a new instance started mid-run; the
 * scorer, running alongside, turns every completed game into exactly one trajectory.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class CoordinatorIT {

  @RegisterExtension
  static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

  private static final int GAMES = 1_000;
  private static final int RESTART_AFTER_COMPLETED = 300;
  private static final int MAX_IN_FLIGHT = 100;
  private static final Duration TURN_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration RUN_BUDGET = Duration.ofMinutes(8);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration SCORING_BUDGET = Duration.ofSeconds(60);
  private static final String SHA = "d".repeat(64);

  @Test
  void shouldCompleteEveryGameOnceAcrossACoordinatorRestart() throws Exception {
    // given topics of our own, 1,000 training pairs and a scripted worker
    TopicCatalog topics = KAFKA.createTopics(KAFKA.uniqueCatalog());
    produceTrainingPairs(topics, GAMES);
    Path stateDir = Files.createTempDirectory("coordinator-it-state");
    CoordinatorConfig config = new CoordinatorConfig(Map.of(
        StreamsAppSettings.BOOTSTRAP_SERVERS, KAFKA.bootstrapServers(),
        StreamsAppSettings.APPLICATION_ID, KAFKA.uniqueId("coordinator"),
        StreamsAppSettings.STATE_DIR, stateDir.toString(),
        StreamsAppSettings.TOPIC_PREFIX, topics.prefix(),
        CoordinatorConfig.MAX_GAMES_IN_FLIGHT, MAX_IN_FLIGHT,
        CoordinatorConfig.TURN_TIMEOUT_MS, TURN_TIMEOUT.toMillis(),
        "streams.replication.factor", "1"));

    ScorerConfig scorerConfig = ScorerConfig.scorer(Map.of(
        StreamsAppSettings.BOOTSTRAP_SERVERS, KAFKA.bootstrapServers(),
        StreamsAppSettings.APPLICATION_ID, KAFKA.uniqueId("scorer"),
        StreamsAppSettings.STATE_DIR, Files.createTempDirectory("scorer-it-state").toString(),
        StreamsAppSettings.TOPIC_PREFIX, topics.prefix(),
        "streams.replication.factor", "1"));

    try (ScriptedWorker worker = ScriptedWorker.start(KAFKA, topics, KAFKA.uniqueId("worker"), request -> "a clue");
        GameLog log = new GameLog(topics);
        ScorerApp scorer = new ScorerApp(scorerConfig, new SimpleMeterRegistry()).start();
        TrajectoryLog trajectories = new TrajectoryLog(topics)) {

      // when the coordinator runs, is stopped after 300 completed games, and a new instance takes over
      CoordinatorApp coordinator = new CoordinatorApp(config, new SimpleMeterRegistry()).start();
      boolean restarted = false;
      Instant deadline = Instant.now().plus(RUN_BUDGET);
      while (log.completed.size() < GAMES && Instant.now().isBefore(deadline) && worker.failure() == null) {
        log.poll();
        if (!restarted && log.completed.size() >= RESTART_AFTER_COMPLETED) {
          coordinator.close();
          coordinator = new CoordinatorApp(config, new SimpleMeterRegistry()).start();
          restarted = true;
        }
      }
      log.pollFor(Duration.ofSeconds(2)); // anything written late would show up as a duplicate now
      coordinator.close();

      // then every pair got exactly one game, every game completed exactly once, nothing was aborted
      assertThat(worker.failure()).isNull();
      assertThat(restarted).isTrue();
      assertThat(log.duplicates).isEmpty();
      assertThat(log.aborted).isEmpty();
      assertThat(log.startedPairs).hasSize(GAMES);
      assertThat(log.started).hasSize(GAMES);
      assertThat(log.completed).hasSize(GAMES).isEqualTo(log.started);

      // and the scorer wrote one trajectory per completed game, none twice
      trajectories.pollUntil(GAMES, SCORING_BUDGET);
      assertThat(trajectories.duplicates).isEmpty();
      assertThat(trajectories.gameIds).isEqualTo(log.completed);
    }
  }

  /** Reads the committed trajectories. */
  private static final class TrajectoryLog implements AutoCloseable {
    final KafkaConsumer<String, ScoredTrajectory> consumer;
    final Set<String> gameIds = new HashSet<>();
    final List<String> duplicates = new ArrayList<>();

    TrajectoryLog(TopicCatalog topics) {
      Map<String, Object> props = KAFKA.clientProperties();
      props.put(ConsumerConfig.GROUP_ID_CONFIG, KAFKA.uniqueId("trajectory-reader"));
      props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
      props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
      consumer = new KafkaConsumer<>(props, new StringDeserializer(),
          topics.trajectories().valueSerde().deserializer());
      consumer.subscribe(List.of(topics.trajectories().name()));
    }

    void pollUntil(int count, Duration budget) {
      Instant until = Instant.now().plus(budget);
      while (gameIds.size() < count && Instant.now().isBefore(until)) {
        for (ConsumerRecord<String, ScoredTrajectory> record : consumer.poll(POLL)) {
          if (!gameIds.add(record.value().getGameId())) {
            duplicates.add(record.value().getEventId());
          }
        }
      }
    }

    @Override
    public void close() {
      consumer.close();
    }
  }

  private static void produceTrainingPairs(TopicCatalog topics, int count) throws Exception {
    Map<String, Object> props = KAFKA.clientProperties();
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    try (KafkaProducer<String, ImagePairCreated> producer = new KafkaProducer<>(props, new StringSerializer(),
        topics.imagePairs().valueSerde().serializer())) {
      for (int i = 0; i < count; i++) {
        String pairId = String.format(Locale.ROOT, "pair-%04d", i);
        BlobRef image = new BlobRef("blob:sha256/dd/" + SHA, SHA, "image/png", 1L);
        producer.send(new ProducerRecord<>(topics.imagePairs().name(), pairId, ImagePairCreated.newBuilder()
            .setEventId("pair/" + pairId).setOccurredAt(Instant.now()).setPairId(pairId)
            .setSource(ImageSource.SCENES).setOriginal(image).setModified(image).setDifferences(List.of())
            .setSpyHint("two objects differ").build()));
      }
      producer.flush();
    }
  }

  /** Reads the committed game log and keeps what the assertions need. */
  private static final class GameLog implements AutoCloseable {
    final KafkaConsumer<String, GameEvent> consumer;
    final Set<String> started = new HashSet<>();
    final Set<String> startedPairs = new HashSet<>();
    final Set<String> completed = new HashSet<>();
    final Set<String> aborted = new HashSet<>();
    final List<String> duplicates = new ArrayList<>();

    GameLog(TopicCatalog topics) {
      Map<String, Object> props = KAFKA.clientProperties();
      props.put(ConsumerConfig.GROUP_ID_CONFIG, KAFKA.uniqueId("log-reader"));
      props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
      props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString().toLowerCase(Locale.ROOT));
      consumer = new KafkaConsumer<>(props, new StringDeserializer(), topics.gameEvents().valueSerde().deserializer());
      consumer.subscribe(List.of(topics.gameEvents().name()));
    }

    void poll() {
      for (ConsumerRecord<String, GameEvent> record : consumer.poll(POLL)) {
        GameEvent event = record.value();
        Object payload = event.getPayload();
        if (payload instanceof GameStarted start) {
          remember(started, event.getGameId(), event);
          remember(startedPairs, start.getPairId(), event);
        } else if (payload instanceof GameCompleted) {
          remember(completed, event.getGameId(), event);
        } else if (payload instanceof GameAborted) {
          aborted.add(event.getGameId());
        }
      }
    }

    void pollFor(Duration duration) {
      Instant until = Instant.now().plus(duration);
      while (Instant.now().isBefore(until)) {
        poll();
      }
    }

    private void remember(Set<String> seen, String id, GameEvent event) {
      if (!seen.add(id)) {
        duplicates.add(event.getEventId());
      }
    }

    @Override
    public void close() {
      consumer.close();
    }
  }
}
