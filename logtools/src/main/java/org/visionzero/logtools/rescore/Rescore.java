package org.visionzero.logtools.rescore;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.visionzero.events.GameCompleted;
import org.visionzero.events.GameEvent;
import org.visionzero.events.GameStarted;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.files.Directories;
import org.visionzero.game.score.TrajectoryConsistency;
import org.visionzero.logtools.replay.TopicReads;
import org.visionzero.serde.AvroSerde;
import org.visionzero.serde.AvroSerdes;
import org.visionzero.streams.config.ScorerConfig;
import org.visionzero.streams.config.StreamsAppSettings;
import org.visionzero.streams.scorer.ScorerApp;
import org.visionzero.streams.scorer.ScorerTopology;
import org.visionzero.topics.Topic;
import org.visionzero.topics.TopicCatalog;

/**
 * {@code vz rescore}: re-derives trajectories from {@code game-events} and compares them with the recorded
 * {@code trajectories}, without touching the running pipeline.
 *
 * <p>The re-read part of the log is copied, partition for partition and in order, into scratch topics named
 * {@code <prefix>rescore-<run>.*}; the very scorer of the pipeline ({@link ScorerApp}, same topology and
 * code) then runs on them under a fresh application id and writes {@code <prefix>rescore-<run>.trajectories}.
 * When its committed offsets reach the end of the copy, every re-derived trajectory is compared by game id
 * with the first recorded one, on canonical Avro bytes (decoded, then encoded with the current schema), and
 * each recorded one is checked against itself ({@link TrajectoryConsistency}), which a re-run of the same
 * fold cannot do. The
 * scratch topics, the application's internal topics, group and state are deleted at the end.
 */
public final class Rescore {
  /** How often the scratch topics' leaders are looked up while waiting for them. */
  private static final Duration LEADER_POLL = Duration.ofMillis(200);
  private static final Logger LOG = LoggerFactory.getLogger(Rescore.class);
  private static final Duration WAIT_STEP = Duration.ofMillis(200);
  private static final int RUN_ID_LENGTH = 8;

  private Rescore() {}

  /**
   * Runs one re-scoring.
   *
   * @param clientProperties Kafka client settings (at least {@code bootstrap.servers}; security settings too)
   * @param topics           the pipeline's topics
   * @param from             where to start re-reading {@code game-events}
   * @param timeout          time allowed for each stage (copy, scoring, reading back)
   */
  public static RescoreReport run(Map<String, Object> clientProperties, TopicCatalog topics, RescoreFrom from,
      Duration timeout) throws TimeoutException, InterruptedException {
    String runId = UUID.randomUUID().toString().replace("-", "").substring(0, RUN_ID_LENGTH);
    String applicationId = "vz-rescore-" + runId;
    try (Admin admin = Admin.create(clientProperties);
        KafkaConsumer<String, byte[]> consumer = consumer(clientProperties)) {
      int partitions = TopicReads.partitions(consumer, topics.gameEvents().name(), timeout).size();
      TopicCatalog scratch = TopicCatalog.of(topics.prefix() + "rescore-" + runId + ".", partitions);
      List<Topic<String, ?>> scratchTopics = List.of(scratch.gameEvents(), scratch.trajectories(),
          scratch.deadLetters());
      Path stateDir = createStateDir(runId);
      try {
        createTopics(admin, scratchTopics, timeout);
        Window window = copy(consumer, clientProperties, topics, scratch, from, timeout);
        try (ScorerApp scorer = new ScorerApp(scorerConfig(clientProperties, applicationId, stateDir, scratch),
            new SimpleMeterRegistry()).start()) {
          awaitConsumed(admin, scorer, applicationId, window.copiedEnd(), timeout);
        }
        Map<String, byte[]> rescored = new HashMap<>();
        readTrajectories(consumer, scratch.trajectories(), timeout, gameId -> true, rescored, new int[1],
            new HashMap<>());
        int[] duplicates = {0};
        Map<String, byte[]> recorded = new HashMap<>();
        Map<String, List<String>> inconsistent = new HashMap<>();
        Set<String> scope = new HashSet<>(window.started());
        scope.addAll(rescored.keySet());
        readTrajectories(consumer, topics.trajectories(), timeout, scope::contains, recorded, duplicates,
            inconsistent);
        int deadLetters = count(consumer, scratch.deadLetters(), timeout);
        return RescoreComparison.compare(from.toString(), scratch.trajectories().name(), rescored, recorded,
            window.started(), inconsistent, duplicates[0], deadLetters);
      } finally {
        cleanUp(admin, scratchTopics, applicationId, stateDir, timeout);
      }
    }
  }

  /**
   * What the copy re-read: the end offsets it reached per scratch partition, and the games that both started
   * and completed in it (the only ones whose recorded trajectory the re-read events must reproduce).
   */
  private record Window(Map<TopicPartition, Long> copiedEnd, Set<String> started) {}

  private static Window copy(KafkaConsumer<String, byte[]> consumer, Map<String, Object> clientProperties,
      TopicCatalog topics, TopicCatalog scratch, RescoreFrom from, Duration timeout)
      throws TimeoutException {
    Topic<String, GameEvent> source = topics.gameEvents();
    List<TopicPartition> partitions = TopicReads.partitions(consumer, source.name(), timeout);
    consumer.assign(partitions);
    seek(consumer, partitions, from, timeout);
    Set<String> started = new HashSet<>();
    Set<String> completed = new HashSet<>();
    Map<TopicPartition, Long> copied = new HashMap<>();
    Map<String, Object> props = new HashMap<>(clientProperties);
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
        new ByteArraySerializer())) {
      TopicReads.drain(consumer, partitions, timeout, record -> {
        // same partition, same order: the scorer folds each game exactly as the pipeline's scorer did
        producer.send(new ProducerRecord<>(scratch.gameEvents().name(), record.partition(), record.timestamp(),
            record.key(), record.value(), record.headers()));
        copied.merge(new TopicPartition(scratch.gameEvents().name(), record.partition()), 1L, Long::sum);
        try {
          GameEvent event = source.valueSerde().deserializer().deserialize(record.topic(), record.value());
          if (event.getPayload() instanceof GameStarted) {
            started.add(event.getGameId());
          } else if (event.getPayload() instanceof GameCompleted) {
            completed.add(event.getGameId());
          }
        } catch (SerializationException e) {
          // copied anyway: the scorer dead-letters it, and the report counts it
        }
      });
      producer.flush();
    }
    started.retainAll(completed);
    return new Window(copied, started);
  }

  private static void seek(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions,
      RescoreFrom from, Duration timeout) {
    consumer.seekToBeginning(partitions);
    if (from.time() != null) {
      Map<TopicPartition, Long> query = new HashMap<>();
      partitions.forEach(partition -> query.put(partition, from.time().toEpochMilli()));
      Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query, timeout);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      for (TopicPartition partition : partitions) {
        OffsetAndTimestamp at = found.get(partition);
        consumer.seek(partition, at == null ? end.get(partition) : at.offset());
      }
    }
    from.offsets().forEach((partition, offset) -> {
      TopicPartition tp = new TopicPartition(partitions.get(0).topic(), partition);
      if (!partitions.contains(tp)) {
        throw new IllegalArgumentException("--from names partition " + partition + ", but "
            + tp.topic() + " has partitions 0.." + (partitions.size() - 1));
      }
      consumer.seek(tp, offset);
    });
  }

  /** Waits until the scorer's group has committed the end of every copied partition. */
  private static void awaitConsumed(Admin admin, ScorerApp scorer, String applicationId,
      Map<TopicPartition, Long> copiedEnd, Duration timeout) throws TimeoutException, InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    Map<TopicPartition, Long> target = new HashMap<>();
    copiedEnd.forEach((partition, count) -> target.put(partition, count));
    while (true) {
      if (scorer.state() == KafkaStreams.State.ERROR || scorer.state() == KafkaStreams.State.NOT_RUNNING) {
        throw new IllegalStateException("the re-scoring application " + applicationId + " stopped ("
            + scorer.state() + "); its log says why");
      }
      if (committedAll(admin, applicationId, target, timeout)) {
        return;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new TimeoutException("the re-scoring application " + applicationId + " did not consume the "
            + "copied log within " + timeout + "; give it more time (--timeout) or a smaller window (--from)");
      }
      Thread.sleep(WAIT_STEP.toMillis());
    }
  }

  /** Whether the group's committed offsets reach the copy's end (scratch offsets start at 0). */
  private static boolean committedAll(Admin admin, String groupId, Map<TopicPartition, Long> target,
      Duration timeout) throws InterruptedException, TimeoutException {
    if (target.isEmpty()) {
      return true;
    }
    Map<TopicPartition, OffsetAndMetadata> committed;
    try {
      committed = admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata()
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot read the offsets of " + groupId + ": " + e.getCause(), e.getCause());
    }
    for (Map.Entry<TopicPartition, Long> entry : target.entrySet()) {
      OffsetAndMetadata offset = committed.get(entry.getKey());
      // transaction markers take offsets too, so the committed offset may pass the record count
      if (offset == null || offset.offset() < entry.getValue()) {
        return false;
      }
    }
    return true;
  }

  private static void readTrajectories(KafkaConsumer<String, byte[]> consumer,
      Topic<String, ScoredTrajectory> topic, Duration timeout, java.util.function.Predicate<String> wanted,
      Map<String, byte[]> canonical, int[] duplicates, Map<String, List<String>> inconsistent)
      throws TimeoutException {
    AvroSerde<ScoredTrajectory> serde = AvroSerdes.of(ScoredTrajectory.class);
    TrajectoryConsistency consistency = TrajectoryConsistency.of(ScorerTopology.RULES);
    TopicReads.readToEnd(consumer, TopicReads.partitions(consumer, topic.name(), timeout), timeout, record -> {
      ScoredTrajectory trajectory;
      try {
        trajectory = topic.valueSerde().deserializer().deserialize(record.topic(), record.value());
      } catch (SerializationException e) {
        return; // an undecodable recorded trajectory is as good as none: the game shows as notRecorded
      }
      String gameId = trajectory.getGameId();
      if (!wanted.test(gameId)) {
        return;
      }
      if (canonical.putIfAbsent(gameId, serde.encode(trajectory)) != null) {
        duplicates[0]++;
        return;
      }
      List<String> problems = consistency.problems(trajectory);
      if (!problems.isEmpty()) {
        inconsistent.put(gameId, problems);
      }
    });
  }

  private static int count(KafkaConsumer<String, byte[]> consumer, Topic<String, ?> topic, Duration timeout)
      throws TimeoutException {
    int[] count = {0};
    TopicReads.readToEnd(consumer, TopicReads.partitions(consumer, topic.name(), timeout), timeout,
        record -> count[0]++);
    return count[0];
  }

  private static ScorerConfig scorerConfig(Map<String, Object> clientProperties, String applicationId,
      Path stateDir, TopicCatalog scratch) {
    Map<String, Object> values = new HashMap<>();
    clientProperties.forEach((key, value) -> {
      if (!key.equals(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)) {
        values.put(StreamsAppSettings.PASSTHROUGH_PREFIX + key, value);
      }
    });
    values.put(StreamsAppSettings.BOOTSTRAP_SERVERS, clientProperties.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG));
    values.put(StreamsAppSettings.APPLICATION_ID, applicationId);
    values.put(StreamsAppSettings.STATE_DIR, stateDir.toString());
    values.put(StreamsAppSettings.TOPIC_PREFIX, scratch.prefix());
    values.put(StreamsAppSettings.GAME_PARTITIONS, scratch.gamePartitions());
    values.put(StreamsAppSettings.STATE_STORE_TYPE, StreamsAppSettings.IN_MEMORY);
    return ScorerConfig.scorer(values);
  }

  private static KafkaConsumer<String, byte[]> consumer(Map<String, Object> clientProperties) {
    Map<String, Object> props = new HashMap<>(clientProperties);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
  }

  private static void createTopics(Admin admin, List<Topic<String, ?>> topics, Duration timeout)
      throws TimeoutException, InterruptedException {
    List<NewTopic> created = new ArrayList<>();
    for (Topic<String, ?> topic : topics) {
      created.add(new NewTopic(topic.name(), Optional.of(topic.partitions()), Optional.empty()));
    }
    try {
      admin.createTopics(created).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot create the scratch topics " + created + ": " + e.getCause(),
          e.getCause());
    }
    awaitLeaders(admin, topics.stream().map(Topic::name).toList(), timeout);
  }

  /**
   * Waits until every partition of the new topics has a leader. Created is not writable: on a cluster whose broker
   * has just restarted, writes to a new topic got NOT_LEADER_OR_FOLLOWER for about two minutes (a chaos run's end
   * check), so the copy waits here, with a clear error if the leaders never come.
   */
  private static void awaitLeaders(Admin admin, List<String> names, Duration timeout)
      throws TimeoutException, InterruptedException {
    Instant until = Instant.now().plus(timeout);
    List<String> leaderless = List.of();
    while (Instant.now().isBefore(until)) {
      try {
        leaderless = admin.describeTopics(names).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS)
            .values().stream()
            .flatMap(d -> d.partitions().stream()
                .filter(p -> p.leader() == null || p.leader().isEmpty())
                .map(p -> d.name() + "-" + p.partition()))
            .toList();
        if (leaderless.isEmpty()) {
          return;
        }
      } catch (ExecutionException e) {
        leaderless = List.of("(describe failed: " + e.getCause() + ")");
      }
      Thread.sleep(LEADER_POLL.toMillis());
    }
    throw new TimeoutException("the scratch partitions " + leaderless + " had no leader after "
        + timeout.toSeconds() + " s");
  }

  private static String causeOf(Exception e) {
    return String.valueOf(e.getCause() == null ? e : e.getCause());
  }

  private static Path createStateDir(String runId) {
    try {
      return Files.createTempDirectory("vz-rescore-" + runId);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a state directory for the re-scoring", e);
    }
  }

  /** Deletes the scratch and internal topics, the group and the state; failures are logged, not thrown. */
  private static void cleanUp(Admin admin, List<Topic<String, ?>> scratchTopics, String applicationId,
      Path stateDir, Duration timeout) {
    List<String> names = new ArrayList<>(scratchTopics.stream().map(Topic::name).toList());
    try {
      admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS).stream()
          .filter(name -> name.startsWith(applicationId + "-"))
          .forEach(names::add);
      admin.deleteTopics(names).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("re-scoring left topics {} behind ({}); delete them by hand", names, causeOf(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      admin.deleteConsumerGroups(List.of(applicationId)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof GroupIdNotFoundException)) { // nothing consumed, nothing committed
        LOG.warn("re-scoring left group {} behind ({}); delete it by hand", applicationId, causeOf(e));
      }
    } catch (TimeoutException e) {
      LOG.warn("re-scoring left group {} behind ({}); delete it by hand", applicationId, causeOf(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      Directories.deleteRecursively(stateDir);
    } catch (IOException e) {
      LOG.warn("re-scoring state {} was not deleted: {}", stateDir, e.getMessage());
    }
  }
}
