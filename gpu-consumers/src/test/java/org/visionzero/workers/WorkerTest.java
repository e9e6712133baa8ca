package org.visionzero.workers;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visionzero.blob.FileBlobStore;
import org.visionzero.deadletter.DeadLetterPublisher;
import org.visionzero.deadletter.DeadLetters;
import org.visionzero.events.GameEvent;
import org.visionzero.events.TurnRequested;
import org.visionzero.policy.Vocabulary;
import org.visionzero.serde.AvroSerdes;
import org.visionzero.workers.checkpoint.Refusals;
import org.visionzero.workers.device.WorkerDevice;
import org.visionzero.workers.image.ImageCache;
import org.visionzero.workers.policy.CheckpointIndex;
import org.visionzero.workers.policy.CheckpointLoader;
import org.visionzero.workers.policy.PolicyRegistry;
import org.visionzero.workers.policy.ScriptedPolicyFactory;

/** The worker loop against mock clients: transactions, offsets, aborts, fencing and graceful stop. */
class WorkerTest {
  private static final TopicPartition P0 = new TopicPartition(TestRequests.TURN_TOPIC, 0);
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Duration NO_DEADLINE = Duration.ofHours(1);

  @TempDir
  Path dir;

  private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
  private final MockProducer<byte[], byte[]> producer =
      new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
  private final Refusals refusals = new Refusals();
  private PolicyRegistry registry;
  private Thread thread;
  private Worker worker;

  @BeforeEach
  void setUp() {
    CheckpointLoader loader = new CheckpointLoader(new FileBlobStore(dir),
        new ScriptedPolicyFactory(Vocabulary.standard()), WorkerDevice.CPU);
    registry = new PolicyRegistry(new CheckpointIndex(), loader, 4);
  }

  @AfterEach
  void tearDown() throws InterruptedException {
    if (worker != null) {
      worker.stop();
      worker.awaitStopped(WAIT);
    }
  }

  private void start(int batchSize, Duration batchWait) {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    WorkerMetrics metrics = new WorkerMetrics(meters, "w1", "cpu");
    DeadLetterPublisher deadLetters = new DeadLetterPublisher(producer, TurnHandlerTest.TOPICS.deadLetters());
    TurnHandler handler = new TurnHandler("w1", AvroSerdes.of(TurnRequested.class),
        TurnHandlerTest.TOPICS.gameEvents(), deadLetters, registry, new ImageCache(new FileBlobStore(dir), 4),
        SceneFactsProvider.NONE, metrics, Clock.systemUTC());
    worker = new Worker("w1", TestRequests.TURN_TOPIC, consumer, producer, handler, registry, refusals,
        deadLetters, batchSize, batchWait, metrics, Clock.systemUTC());
    thread = new Thread(worker, "worker-under-test");
    thread.start();
  }

  private void deliver(int fromTurn, int count) {
    consumer.schedulePollTask(() -> {
      if (consumer.assignment().isEmpty()) {
        consumer.rebalance(List.of(P0));
        consumer.updateBeginningOffsets(Map.of(P0, 0L));
      }
      for (int t = fromTurn; t < fromTurn + count; t++) {
        consumer.addRecord(TestRequests.record(0, t, TestRequests.clue("g" + t, 0, TurnHandlerTest.RANDOM_CURRENT)));
      }
    });
  }

  private List<String> answeredEventIds() {
    return producer.history().stream()
        .filter(r -> r.topic().equals(TurnHandlerTest.TOPICS.gameEvents().name()))
        .map(r -> AvroSerdes.of(GameEvent.class).decode(r.value()).getEventId()).toList();
  }

  private long committedOffset() {
    List<Map<String, Map<TopicPartition, OffsetAndMetadata>>> history = producer.consumerGroupOffsetsHistory();
    return history.stream().flatMap(m -> m.values().stream()).map(m -> m.get(P0))
        .filter(o -> o != null).mapToLong(OffsetAndMetadata::offset).max().orElse(-1);
  }

  private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plus(WAIT);
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as("condition not met within %s", WAIT).isBefore(deadline);
      Thread.sleep(5);
    }
  }

  @Test
  void shouldAnswerFullBatchesEachInOneTransactionThatCommitsItsOffsets() throws Exception {
    deliver(0, 4);
    start(2, NO_DEADLINE);

    waitUntil(() -> producer.commitCount() == 2);

    assertThat(answeredEventIds()).containsExactly("g0/0/1/answer", "g1/0/1/answer", "g2/0/1/answer",
        "g3/0/1/answer");
    assertThat(producer.consumerGroupOffsetsHistory()).hasSize(2);
    assertThat(committedOffset()).isEqualTo(4);
  }

  @Test
  void shouldAnswerPartialBatchOnceItsWaitIsOver() throws Exception {
    deliver(0, 1);
    start(32, Duration.ofMillis(30));

    waitUntil(() -> producer.commitCount() == 1);

    assertThat(answeredEventIds()).containsExactly("g0/0/1/answer");
    assertThat(committedOffset()).isEqualTo(1);
  }

  @Test
  void shouldAbortRewindAndAnswerAgainWhenCommitFails() throws Exception {
    producer.commitTransactionException = new KafkaException("broker went away");
    AtomicInteger positionAfterAbort = new AtomicInteger(-1);
    deliver(0, 2);
    start(2, NO_DEADLINE);
    waitUntil(producer::transactionAborted);

    consumer.schedulePollTask(() -> {
      positionAfterAbort.set((int) consumer.position(P0));
      producer.commitTransactionException = null;
      // The mock does not re-fetch after a seek: hand the same records back, as a broker would.
      for (int t = 0; t < 2; t++) {
        consumer.addRecord(TestRequests.record(0, t, TestRequests.clue("g" + t, 0, TurnHandlerTest.RANDOM_CURRENT)));
      }
    });
    waitUntil(() -> producer.commitCount() == 1);

    assertThat(positionAfterAbort.get()).isZero();
    assertThat(answeredEventIds()).containsExactly("g0/0/1/answer", "g1/0/1/answer");
    assertThat(committedOffset()).isEqualTo(2);
  }

  @Test
  void shouldFinishBatchInHandCommitAndLeaveWhenStopped() throws Exception {
    deliver(0, 3);
    start(32, NO_DEADLINE);
    waitUntil(() -> consumer.assignment().contains(P0) && consumer.position(P0) == 3);
    assertThat(producer.commitCount()).isZero();

    worker.stop();

    assertThat(worker.awaitStopped(WAIT)).isTrue();
    assertThat(answeredEventIds()).hasSize(3);
    assertThat(committedOffset()).isEqualTo(3);
    assertThat(consumer.closed()).isTrue();
    assertThat(producer.closed()).isTrue();
    assertThat(worker.failure()).isNull();
  }

  @Test
  void shouldStopWithoutCommittingWhenFencedByAnotherInstance() throws Exception {
    start(2, NO_DEADLINE);
    waitUntil(producer::transactionInitialized);
    producer.fenceProducer();

    deliver(0, 2);

    assertThat(worker.awaitStopped(WAIT)).isTrue();
    assertThat(worker.failure()).hasMessageContaining("fenced");
    assertThat(producer.consumerGroupOffsetsHistory()).isEmpty();
  }

  @Test
  void shouldWriteRefusedCheckpointDeadLettersEvenWhileNoTurnsArrive() throws Exception {
    refusals.add(DeadLetters.forInput("w1", "blob:sha256/abc", null, new IllegalStateException("tampered"),
        Instant.now()));
    start(2, NO_DEADLINE);

    waitUntil(() -> producer.commitCount() == 1);

    List<ProducerRecord<byte[], byte[]>> sent = producer.history();
    assertThat(sent).singleElement().satisfies(r -> assertThat(TurnHandlerTest.deadLetter(r).getReference())
        .isEqualTo("blob:sha256/abc"));
    assertThat(refusals.isEmpty()).isTrue();
  }
}
