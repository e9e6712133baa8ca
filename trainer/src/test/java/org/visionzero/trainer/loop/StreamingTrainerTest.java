package org.visionzero.trainer.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visionzero.blob.FileBlobStore;
import org.visionzero.events.CheckpointPublished;
import org.visionzero.events.DeadLetter;
import org.visionzero.events.Purpose;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.events.TrainingEvent;
import org.visionzero.events.TrainingStepCompleted;
import org.visionzero.game.config.GameConfig;
import org.visionzero.sign.CheckpointSignature;
import org.visionzero.topics.TopicCatalog;
import org.visionzero.trainer.TestTrajectories;
import org.visionzero.trainer.state.TrainerState;
import org.visionzero.trainer.state.TrainerStateCodec;
import org.visionzero.trainer.step.LearningRateSchedule;

class StreamingTrainerTest {
  private static final TopicCatalog TOPICS = TopicCatalog.of("t.");
  private static final String TOPIC = TOPICS.trajectories().name();
  private static final int PARTITIONS = 2;
  private static final String RUN = "run-1";
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T09:00:00Z"), ZoneOffset.UTC);

  @TempDir
  Path blobDir;

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  /** 12 training games and 2 evaluation games spread over two partitions, in offset order per partition. */
  private static List<ConsumerRecord<byte[], byte[]>> records() {
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    long[] next = new long[PARTITIONS];
    for (int i = 1; i <= 14; i++) {
      Purpose purpose = i == 4 || i == 9 ? Purpose.EVALUATION : Purpose.TRAINING;
      ScoredTrajectory game = TestTrajectories.game("g" + i, purpose, 0);
      int partition = i % PARTITIONS;
      byte[] value = TOPICS.trajectories().valueSerde().serializer().serialize(TOPIC, game);
      records.add(new ConsumerRecord<>(TOPIC, partition, next[partition]++, ("g" + i).getBytes(), value));
    }
    return records;
  }

  private static MockConsumer<byte[], byte[]> consumer() {
    MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
    List<PartitionInfo> infos = new ArrayList<>();
    Map<TopicPartition, Long> beginnings = new HashMap<>();
    for (int p = 0; p < PARTITIONS; p++) {
      infos.add(new PartitionInfo(TOPIC, p, Node.noNode(), new Node[0], new Node[0]));
      beginnings.put(new TopicPartition(TOPIC, p), 0L);
    }
    consumer.updatePartitions(TOPIC, infos);
    consumer.updateBeginningOffsets(beginnings);
    return consumer;
  }

  private static MockProducer<byte[], byte[]> producer() {
    return new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
  }

  private StreamingTrainer trainer(MockConsumer<byte[], byte[]> consumer, MockProducer<byte[], byte[]> producer,
      CheckpointLocator locator, LedgerLearner learner) {
    return trainer(consumer, producer, locator, learner, CheckpointSignature.off());
  }

  private StreamingTrainer trainer(MockConsumer<byte[], byte[]> consumer, MockProducer<byte[], byte[]> producer,
      CheckpointLocator locator, LedgerLearner learner, CheckpointSignature signature) {
    StreamingSettings settings = new StreamingSettings(RUN, TestTrajectories.POLICY, GameConfig.code(), 2, 4, 2, 6,
        new LearningRateSchedule(1e-3, 1, 6), Duration.ofMillis(10));
    TrainerCheckpoints checkpoints = new TrainerCheckpoints(new FileBlobStore(blobDir), learner, TestTrajectories.POLICY, RUN);
    return new StreamingTrainer(settings, TOPICS, consumer, producer, locator, checkpoints, learner, CLOCK,
        registry, signature);
  }

  private static <V> List<V> published(MockProducer<byte[], byte[]> producer,
      org.visionzero.topics.Topic<String, V> topic) {
    return producer.history().stream().filter(r -> r.topic().equals(topic.name()))
        .map(ProducerRecord::value).map(v -> topic.valueSerde().deserializer().deserialize(topic.name(), v))
        .toList();
  }

  private static Map<Long, TrainingStepCompleted> steps(MockProducer<byte[], byte[]> producer) {
    Map<Long, TrainingStepCompleted> steps = new HashMap<>();
    for (TrainingEvent event : published(producer, TOPICS.training())) {
      if (event.getPayload() instanceof TrainingStepCompleted step) {
        steps.put(step.getStep(), step);
      }
    }
    return steps;
  }

  @Test
  void shouldTrainEveryTrainingGameExactlyOnceWhenKilledAfterACheckpointAndResumed() throws Exception {
    List<ConsumerRecord<byte[], byte[]>> records = records();

    // Run 1 sees the first 11 records (9 training games): steps 1..4, a checkpoint at step 4, then it dies.
    MockConsumer<byte[], byte[]> firstConsumer = consumer();
    MockProducer<byte[], byte[]> firstProducer = producer();
    LedgerLearner firstLearner = new LedgerLearner();
    StreamingTrainer first = trainer(firstConsumer, firstProducer, (p, r) -> Optional.empty(), firstLearner);
    first.start();
    records.subList(0, 11).forEach(firstConsumer::addRecord);
    first.pollOnce();
    assertThat(first.state().step()).isEqualTo(4);
    assertThat(firstLearner.trainedGames).hasSize(8);
    List<CheckpointPublished> firstCheckpoints = published(firstProducer, TOPICS.checkpoints());
    assertThat(firstCheckpoints).extracting(c -> c.getPolicy().getVersion()).containsExactly(1, 2);

    // Run 2 starts from the newest checkpoint (version 2, step 4) and reads the whole log.
    MockConsumer<byte[], byte[]> secondConsumer = consumer();
    MockProducer<byte[], byte[]> secondProducer = producer();
    LedgerLearner secondLearner = new LedgerLearner();
    StreamingTrainer second = trainer(secondConsumer, secondProducer,
        (p, r) -> Optional.of(firstCheckpoints.get(firstCheckpoints.size() - 1)), secondLearner);
    TrainerState resumed = second.start();
    records.forEach(secondConsumer::addRecord);
    boolean finished = second.pollOnce();

    assertThat(resumed.step()).isEqualTo(4);
    assertThat(finished).isTrue();
    List<String> trainingGames = List.of("g1", "g2", "g3", "g5", "g6", "g7", "g8", "g10", "g11", "g12", "g13",
        "g14");
    assertThat(secondLearner.trainedGames).containsExactlyInAnyOrderElementsOf(trainingGames);
    assertThat(steps(secondProducer).keySet()).containsExactlyInAnyOrder(5L, 6L);
    // The fixed cycle (L = 1) continues where it was: odd steps train decisions, even steps clues.
    assertThat(steps(secondProducer).get(5L).getPhase()).isEqualTo(org.visionzero.events.Phase.DECISION);
    assertThat(steps(secondProducer).get(6L).getPhase()).isEqualTo(org.visionzero.events.Phase.CLUE);
    assertThat(steps(secondProducer).get(5L).getBaselineSpy())
        .isCloseTo(expectedBaselineAfterStep(steps(firstProducer).get(4L).getBaselineSpy()), within(1e-12));
  }

  @Test
  void shouldListEveryTrainedGameOnceAlongTheCheckpointChain() throws Exception {
    MockConsumer<byte[], byte[]> consumer = consumer();
    MockProducer<byte[], byte[]> producer = producer();
    StreamingTrainer trainer = trainer(consumer, producer, (p, r) -> Optional.empty(), new LedgerLearner());
    trainer.start();
    records().forEach(consumer::addRecord);
    trainer.pollOnce();

    List<CheckpointPublished> checkpoints = published(producer, TOPICS.checkpoints());
    List<String> ledger = new ArrayList<>();
    FileBlobStore blobs = new FileBlobStore(blobDir);
    for (CheckpointPublished checkpoint : checkpoints) {
      byte[] section = new LedgerLearner().load(blobs.get(checkpoint.getCheckpoint())).get(TrainerStateCodec.SECTION);
      ledger.addAll(TrainerStateCodec.decode(section).ledger().gameIds());
    }
    assertThat(checkpoints).extracting(CheckpointPublished::getTrainerStep).containsExactly(2L, 4L, 6L);
    assertThat(ledger).doesNotHaveDuplicates().hasSize(12).doesNotContain("g4", "g9");
    assertThat(checkpoints.get(2).getHistory()).containsOnlyKeys("1", "2");
    assertThat(producer.consumerGroupOffsetsHistory()).hasSize(3);
    assertThat(registry.get(TrainerMetrics.CHECKPOINTS).counter().count()).isEqualTo(3);
    assertThat(registry.get(TrainerMetrics.GAMES).counter().count()).isEqualTo(12);
  }

  @Test
  void shouldDeadLetterAnUndecodableRecordAndTrainPastIt() throws Exception {
    MockConsumer<byte[], byte[]> consumer = consumer();
    MockProducer<byte[], byte[]> producer = producer();
    LedgerLearner learner = new LedgerLearner();
    StreamingTrainer trainer = trainer(consumer, producer, (p, r) -> Optional.empty(), learner);
    trainer.start();
    consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, 0, "bad".getBytes(), "not avro".getBytes()));
    for (int offset = 1; offset <= 4; offset++) {
      ScoredTrajectory game = TestTrajectories.game("p0-" + offset);
      consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, offset, game.getGameId().getBytes(),
          TOPICS.trajectories().valueSerde().serializer().serialize(TOPIC, game)));
    }
    trainer.pollOnce();

    assertThat(published(producer, TOPICS.deadLetters()))
        .singleElement().satisfies(d -> {
          assertThat(d.getSourceOffset()).isZero();
          assertThat(d.getComponent()).isEqualTo("trainer");
        });
    assertThat(trainer.state().offsets()).containsExactly(Map.entry(0, 5L));
    assertThat(learner.trainedGames).containsExactly("p0-1", "p0-2", "p0-3", "p0-4");
    assertThat(registry.get(TrainerMetrics.DEAD_LETTERS).counter().count()).isEqualTo(1);
  }

  @Test
  void givenAReplayedTrajectoryAndANaNDecisionReward_whenPolled_thenBothDeadLetteredAndEachGameTrainedOnce()
      throws Exception {
    MockConsumer<byte[], byte[]> consumer = consumer();
    MockProducer<byte[], byte[]> producer = producer();
    LedgerLearner learner = new LedgerLearner();
    StreamingTrainer trainer = trainer(consumer, producer, (p, r) -> Optional.empty(), learner);
    trainer.start();
    ScoredTrajectory nan = TestTrajectories.game("p0-nan");
    nan.getDecisions().get(0).setReward(Double.NaN);
    List<ScoredTrajectory> log = List.of(TestTrajectories.game("p0-1"), TestTrajectories.game("p0-2"),
        TestTrajectories.game("p0-1"), nan, TestTrajectories.game("p0-3"), TestTrajectories.game("p0-4"));
    for (int offset = 0; offset < log.size(); offset++) {
      ScoredTrajectory game = log.get(offset);
      consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, offset, game.getGameId().getBytes(),
          TOPICS.trajectories().valueSerde().serializer().serialize(TOPIC, game)));
    }
    trainer.pollOnce();

    assertThat(published(producer, TOPICS.deadLetters())).extracting(DeadLetter::getSourceOffset, d ->
        d.getError().replaceFirst("^InvalidRecordException: ([a-z-]+): .*", "$1"))
        .containsExactly(tuple(2L, "duplicate-trajectory"), tuple(3L, "reward-not-finite"));
    assertThat(learner.trainedGames).containsExactly("p0-1", "p0-2", "p0-3", "p0-4");
  }

  /** Step 5 of the resumed run must continue from the baselines of step 4 of the first run. */
  private static double expectedBaselineAfterStep(double previous) {
    return 0.9 * previous + 0.1 * -0.4333;
  }

  @Test
  void shouldSignEveryCheckpointEventItPublishesWhenCheckpointsAreSigned() throws Exception {
    CheckpointSignature signature = CheckpointSignature.withKey(
        "a key of at least thirty-two bytes, for tests".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    MockConsumer<byte[], byte[]> consumer = consumer();
    MockProducer<byte[], byte[]> producer = producer();
    StreamingTrainer trainer = trainer(consumer, producer, (p, r) -> Optional.empty(), new LedgerLearner(), signature);
    trainer.start();
    records().subList(0, 11).forEach(consumer::addRecord);
    trainer.pollOnce();

    List<ProducerRecord<byte[], byte[]>> checkpoints = producer.history().stream()
        .filter(r -> r.topic().equals(TOPICS.checkpoints().name())).toList();
    assertThat(checkpoints).hasSize(2).allSatisfy(record -> {
      ConsumerRecord<byte[], byte[]> read = new ConsumerRecord<>(record.topic(), 0, 0, record.key(), record.value());
      record.headers().forEach(h -> read.headers().add(h));
      assertThat(signature.problem(read)).isEmpty();
    });
  }
}
