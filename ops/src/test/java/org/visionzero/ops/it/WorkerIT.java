package org.visionzero.ops.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.visionzero.blob.FileBlobStore;
import org.visionzero.events.BlobRef;
import org.visionzero.events.CheckpointPublished;
import org.visionzero.events.ClueGiven;
import org.visionzero.events.DeadLetter;
import org.visionzero.events.GameEvent;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.Purpose;
import org.visionzero.events.Role;
import org.visionzero.events.TurnKind;
import org.visionzero.events.TurnRequested;
import org.visionzero.ops.testing.KafkaBrokerExtension;
import org.visionzero.policy.Vocabulary;
import org.visionzero.topics.TopicCatalog;
import org.visionzero.workers.SceneFactsProvider;
import org.visionzero.workers.WorkerApp;
import org.visionzero.workers.WorkerConfig;
import org.visionzero.workers.WorkerMain;
import org.visionzero.workers.policy.ScriptedCheckpoint;
import org.visionzero.workers.policy.ScriptedPolicyFactory;

/**
 * Workers against a real broker: two workers share the turns; a worker process killed with SIGKILL mid-batch
 * loses no turn and doubles none; a checkpoint swap under load loses no turn and later answers carry the new
 * version; a tampered checkpoint is refused with a dead letter while serving goes on.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class WorkerIT {

  @RegisterExtension
  static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

  private static final String POLICY = "random";
  private static final String ARCHITECTURE = "scripted/random";
  private static final Duration ANSWER_BUDGET = Duration.ofSeconds(120);
  private static final Duration GROUP_BUDGET = Duration.ofSeconds(60);
  private static final Duration HANDOVER_BUDGET = Duration.ofSeconds(15);
  private static final int EXIT_ON_SIGTERM = 143;
  // Fast failure detection for the crash test: the broker's minimum session, and a short transaction timeout
  // so that the killed worker's open transaction is aborted soon.
  private static final Map<String, Object> FAST_FAILOVER = Map.of(
      "consumer.session.timeout.ms", "6000",
      "consumer.heartbeat.interval.ms", "1000",
      "producer.transaction.timeout.ms", "10000");

  @TempDir
  Path blobDir;

  @Test
  void shouldShareTurnsBetweenTwoWorkersAndAnswerEachExactlyOnce() throws Exception {
    TopicCatalog catalog = createTopics();
    String group = KAFKA.uniqueId("workers");
    int turns = 200;
    try (WorkerApp first = start(catalog, group, "share-a", Map.of());
        WorkerApp second = start(catalog, group, "share-b", Map.of());
        Answers answers = new Answers(catalog);
        Turns requests = new Turns(catalog, "share")) {
      awaitMembers(group, 2);

      requests.write(turns);

      answers.awaitAnswered(turns);
      assertThat(answers.duplicates()).isEmpty();
      assertThat(answers.byWorker()).containsOnlyKeys("share-a", "share-b")
          .allSatisfy((worker, count) -> assertThat(count).isPositive());
    }
  }

  @Test
  void shouldAnswerEveryTurnExactlyOnceWhenAWorkerProcessIsKilledMidBatch() throws Exception {
    TopicCatalog catalog = createTopics();
    String group = KAFKA.uniqueId("workers");
    try (ChildWorker victim = ChildWorker.start(childArgs(catalog, group, "victim"), blobDir);
        WorkerApp survivor = start(catalog, group, "survivor", FAST_FAILOVER);
        Answers answers = new Answers(catalog);
        Turns requests = new Turns(catalog, "crash");
        SteadyLoad load = new SteadyLoad(requests)) {
      awaitMembers(group, 2);
      load.start();
      waitUntil(() -> answers.byWorker().getOrDefault("victim", 0) >= 50, ANSWER_BUDGET);

      victim.kill(); // SIGKILL while turns keep arriving: its batch in hand is neither answered nor committed
      int answeredByVictim = answers.byWorker().getOrDefault("victim", 0);
      Thread.sleep(2_000);
      load.stopAndJoin();

      answers.awaitAnswered(requests.written());
      assertThat(answers.duplicates()).isEmpty();
      assertThat(answers.answered()).isEqualTo(requests.written());
      assertThat(answers.byWorker().get("victim")).isEqualTo(answeredByVictim);
      assertThat(answers.byWorker().get("survivor")).isPositive();
    }
  }

  @Test
  void shouldCommitBatchInHandAndLeaveGroupAtOnceWhenWorkerProcessIsTerminated() throws Exception {
    TopicCatalog catalog = createTopics();
    String group = KAFKA.uniqueId("workers");
    // A session far longer than the test's budget for the handover: only leaving the group explains it.
    Map<String, Object> longSession = Map.of("consumer.session.timeout.ms", "45000");
    List<String> args = new ArrayList<>(childArgs(catalog, group, "leaver"));
    args.add("consumer.session.timeout.ms=45000");
    try (ChildWorker leaver = ChildWorker.start(args, blobDir);
        WorkerApp stayer = start(catalog, group, "stayer", longSession);
        Answers answers = new Answers(catalog);
        Turns requests = new Turns(catalog, "leave");
        SteadyLoad load = new SteadyLoad(requests)) {
      awaitMembers(group, 2);
      load.start();
      waitUntil(() -> answers.byWorker().getOrDefault("leaver", 0) >= 30, ANSWER_BUDGET);

      int exitStatus = leaver.terminate();
      awaitMembers(group, 1, HANDOVER_BUDGET);
      Thread.sleep(1_000);
      load.stopAndJoin();

      assertThat(exitStatus).isEqualTo(EXIT_ON_SIGTERM);
      answers.awaitAnswered(requests.written());
      assertThat(answers.duplicates()).isEmpty();
      assertThat(answers.byWorker().get("stayer")).isPositive();
    }
  }

  @Test
  void shouldServeNewVersionAfterCheckpointSwapUnderLoadWithoutLosingTurns() throws Exception {
    TopicCatalog catalog = createTopics();
    FileBlobStore blobs = new FileBlobStore(blobDir);
    try (WorkerApp worker = start(catalog, KAFKA.uniqueId("workers"), "swap", Map.of());
        Answers answers = new Answers(catalog);
        Turns requests = new Turns(catalog, "swap");
        SteadyLoad load = new SteadyLoad(requests);
        KafkaProducer<String, CheckpointPublished> publisher = checkpointPublisher(catalog)) {
      load.start();
      waitUntil(() -> answers.answered() >= 20, ANSWER_BUDGET);

      publish(publisher, catalog, blobs.put(new ScriptedCheckpoint(POLICY, 1).toBytes(), ScriptedCheckpoint.MEDIA_TYPE), 1);
      waitUntil(() -> answers.firstOfVersion(1).isPresent(), ANSWER_BUDGET);
      Thread.sleep(1_000);
      load.stopAndJoin();

      answers.awaitAnswered(requests.written());
      assertThat(answers.duplicates()).isEmpty();
      Instant swappedAt = answers.firstOfVersion(1).orElseThrow();
      assertThat(answers.versionsAnsweredAfter(swappedAt)).containsOnly(1);
      assertThat(answers.versionsAnsweredAfter(Instant.EPOCH)).containsOnly(0, 1);
    }
  }

  @Test
  void shouldRefuseTamperedCheckpointWithDeadLetterWhileServingContinues() throws Exception {
    TopicCatalog catalog = createTopics();
    FileBlobStore blobs = new FileBlobStore(blobDir);
    try (WorkerApp worker = start(catalog, KAFKA.uniqueId("workers"), "tamper", Map.of());
        Answers answers = new Answers(catalog);
        Turns requests = new Turns(catalog, "tamper");
        SteadyLoad load = new SteadyLoad(requests);
        KafkaProducer<String, CheckpointPublished> publisher = checkpointPublisher(catalog)) {
      load.start();
      publish(publisher, catalog, blobs.put(new ScriptedCheckpoint(POLICY, 1).toBytes(), ScriptedCheckpoint.MEDIA_TYPE), 1);
      waitUntil(() -> answers.firstOfVersion(1).isPresent(), ANSWER_BUDGET);
      BlobRef tampered = blobs.put(new ScriptedCheckpoint(POLICY, 2).toBytes(), ScriptedCheckpoint.MEDIA_TYPE);
      Files.write(blobs.localPath(tampered).orElseThrow(), new ScriptedCheckpoint(POLICY, 3).toBytes());

      publish(publisher, catalog, tampered, 2);
      DeadLetter refused = awaitDeadLetter(catalog, d -> d.getReference().equals(tampered.getUri()));
      int answeredAtRefusal = answers.answered();
      waitUntil(() -> answers.answered() >= answeredAtRefusal + 20, ANSWER_BUDGET);
      load.stopAndJoin();

      assertThat(refused.getComponent()).isEqualTo("tamper");
      assertThat(refused.getError()).contains("sha256").contains("refusing");
      answers.awaitAnswered(requests.written());
      assertThat(answers.duplicates()).isEmpty();
      assertThat(answers.versionsAnsweredAfter(refused.getOccurredAt())).containsOnly(1);
      assertThat(worker.isRunning()).isTrue();
    }
  }

  // ---------------------------------------------------------------------------------------------------------

  /** A catalog of fresh topics whose partitions all have leaders. */
  private static TopicCatalog createTopics() throws Exception {
    TopicCatalog catalog = KAFKA.createTopics(KAFKA.uniqueCatalog());
    List<String> names = catalog.all().stream().map(t -> t.name()).toList();
    try (Admin admin = KAFKA.admin()) {
      waitUntil(() -> {
        try {
          return admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS).values().stream()
              .flatMap(d -> d.partitions().stream())
              .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
          return false;
        }
      }, GROUP_BUDGET);
    }
    return catalog;
  }

  private WorkerApp start(TopicCatalog catalog, String group, String workerId, Map<String, Object> extra)
      throws InterruptedException {
    Map<String, Object> props = new HashMap<>(settings(catalog, group, workerId));
    props.putAll(extra);
    return WorkerApp.start(new WorkerConfig(props), new ScriptedPolicyFactory(Vocabulary.standard()),
        SceneFactsProvider.NONE, new SimpleMeterRegistry());
  }

  private Map<String, Object> settings(TopicCatalog catalog, String group, String workerId) {
    Map<String, Object> props = new HashMap<>();
    props.put(WorkerConfig.BOOTSTRAP_SERVERS, KAFKA.bootstrapServers());
    props.put(WorkerConfig.GROUP_ID, group);
    props.put(WorkerConfig.WORKER_ID, workerId);
    props.put(WorkerConfig.TOPIC_PREFIX, catalog.prefix());
    props.put(WorkerConfig.BATCH_MAX_SIZE, "16");
    props.put(WorkerConfig.BATCH_MAX_WAIT_MS, "100");
    props.put(WorkerConfig.DEVICE, "cpu");
    props.put(WorkerConfig.BLOB_STORE_DIR, blobDir.toString());
    return props;
  }

  private List<String> childArgs(TopicCatalog catalog, String group, String workerId) {
    Map<String, Object> props = new HashMap<>(settings(catalog, group, workerId));
    props.putAll(FAST_FAILOVER);
    return props.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
  }

  private static void awaitMembers(String group, int members) throws Exception {
    awaitMembers(group, members, GROUP_BUDGET);
  }

  private static void awaitMembers(String group, int members, Duration budget) throws Exception {
    try (Admin admin = KAFKA.admin()) {
      waitUntil(() -> {
        try {
          ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all()
              .get(10, TimeUnit.SECONDS).get(group);
          return description.members().size() == members
              && description.members().stream().allMatch(m -> !m.assignment().topicPartitions().isEmpty());
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
          return false;
        }
      }, budget);
    }
  }

  private static KafkaProducer<String, CheckpointPublished> checkpointPublisher(TopicCatalog catalog) {
    return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()),
        new StringSerializer(), catalog.checkpoints().valueSerde().serializer());
  }

  private static void publish(KafkaProducer<String, CheckpointPublished> publisher, TopicCatalog catalog,
      BlobRef checkpoint, int version) throws Exception {
    CheckpointPublished event = CheckpointPublished.newBuilder()
        .setEventId("checkpoint/" + POLICY + "/" + version).setOccurredAt(Instant.now())
        .setPolicy(new PolicyRef(POLICY, version)).setCheckpoint(checkpoint).setTrainerStep(version)
        .setParentVersion(version - 1).setArchitecture(ARCHITECTURE).setRunId("worker-it").build();
    publisher.send(new ProducerRecord<>(catalog.checkpoints().name(), POLICY, event)).get(10, TimeUnit.SECONDS);
  }

  private static DeadLetter awaitDeadLetter(TopicCatalog catalog, Predicate<DeadLetter> wanted) {
    try (KafkaConsumer<byte[], byte[]> consumer = committedReader()) {
      TopicPartition partition = new TopicPartition(catalog.deadLetters().name(), 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long deadline = System.nanoTime() + ANSWER_BUDGET.toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          DeadLetter deadLetter = catalog.deadLetters().valueSerde().deserializer()
              .deserialize(record.topic(), record.value());
          if (wanted.test(deadLetter)) {
            return deadLetter;
          }
        }
      }
    }
    throw new AssertionError("no matching dead letter within " + ANSWER_BUDGET);
  }

  private static KafkaConsumer<byte[], byte[]> committedReader() {
    return new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString(),
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
        new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private static void waitUntil(BooleanSupplier condition, Duration budget) throws InterruptedException {
    long deadline = System.nanoTime() + budget.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + budget);
      }
      Thread.sleep(50);
    }
  }

  /** Writes clue-turn requests for the scripted policy's current version, one game per turn. */
  private static final class Turns implements AutoCloseable {
    private final KafkaProducer<String, TurnRequested> producer;
    private final TopicCatalog catalog;
    private final String run;
    private final AtomicInteger written = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();

    Turns(TopicCatalog catalog, String run) {
      this.catalog = catalog;
      this.run = run;
      // One request in flight: a first write refused with NOT_LEADER on a new partition must not leave a
      // second batch retrying out-of-order sequences (the requests would be dropped, not duplicated).
      this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
          ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1),
          new StringSerializer(), catalog.turnRequests().valueSerde().serializer());
    }

    void write(int count) {
      for (int i = 0; i < count; i++) {
        int n = written.get();
        String gameId = run + "-" + n;
        Instant now = Instant.now();
        TurnRequested request = TurnRequested.newBuilder()
            .setEventId(gameId + "/0/1").setOccurredAt(now).setGameId(gameId).setTurn(0).setAttempt(1)
            .setKind(TurnKind.CLUE).setSeat(1).setRound(1).setRole(Role.CIVILIAN).setNumPlayers(4)
            .setPolicy(new PolicyRef(POLICY, -1)).setImage(null).setSpyHint("two objects differ")
            .setHistory(List.of()).setOwnReasoning(List.of()).setSamples(1).setTemperature(0.8f)
            .setSamplingSeed(n).setPurpose(Purpose.TRAINING).setDeadlineAt(now.plusSeconds(60)).build();
        producer.send(new ProducerRecord<>(catalog.turnRequests().name(), gameId, request), (metadata, error) -> {
          if (error != null) {
            failed.incrementAndGet();
          }
        });
        written.incrementAndGet();
      }
      producer.flush();
      assertThat(failed.get()).as("turn requests the test could not write").isZero();
    }

    int written() {
      return written.get();
    }

    @Override
    public void close() {
      producer.close();
    }
  }

  /** Keeps writing turns (about 250 a second) until stopped, as a busy coordinator would. */
  private static final class SteadyLoad extends Thread implements AutoCloseable {
    private static final int CHUNK = 5;
    private static final long PAUSE_MS = 20;
    private final Turns turns;
    private volatile boolean running = true;

    SteadyLoad(Turns turns) {
      super("worker-it-load");
      setDaemon(true);
      this.turns = turns;
    }

    @Override
    public void run() {
      while (running) {
        turns.write(CHUNK);
        try {
          Thread.sleep(PAUSE_MS);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    void stopAndJoin() throws InterruptedException {
      running = false;
      join();
    }

    @Override
    public void close() throws InterruptedException {
      stopAndJoin();
    }
  }

  /** Reads committed answers on its own thread: every answer per turn, with worker, version and time. */
  private static final class Answers implements Runnable, AutoCloseable {
    private record Answer(String workerId, int version, Instant occurredAt) {}

    private final KafkaConsumer<byte[], byte[]> consumer = committedReader();
    private final TopicCatalog catalog;
    private final Map<String, List<Answer>> byTurn = new HashMap<>();
    private final Thread thread = new Thread(this, "worker-it-answers");
    private volatile boolean running = true;

    Answers(TopicCatalog catalog) {
      this.catalog = catalog;
      List<TopicPartition> partitions = consumer.partitionsFor(catalog.gameEvents().name()).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      thread.setDaemon(true);
      thread.start();
    }

    @Override
    public void run() {
      try {
        while (running) {
          for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
            GameEvent event = catalog.gameEvents().valueSerde().deserializer().deserialize(record.topic(), record.value());
            if (event.getPayload() instanceof ClueGiven clue) {
              add(event.getEventId(), new Answer(clue.getWorkerId(), clue.getPolicy().getVersion(), event.getOccurredAt()));
            }
          }
        }
      } catch (WakeupException e) {
        // closing
      } finally {
        consumer.close();
      }
    }

    private synchronized void add(String eventId, Answer answer) {
      byTurn.computeIfAbsent(eventId, id -> new ArrayList<>()).add(answer);
    }

    synchronized int answered() {
      return byTurn.size();
    }

    synchronized Map<String, List<Answer>> duplicates() {
      Map<String, List<Answer>> out = new HashMap<>();
      byTurn.forEach((id, list) -> {
        if (list.size() > 1) {
          out.put(id, List.copyOf(list));
        }
      });
      return out;
    }

    synchronized Map<String, Integer> byWorker() {
      Map<String, Integer> counts = new HashMap<>();
      byTurn.values().forEach(list -> counts.merge(list.get(0).workerId(), 1, Integer::sum));
      return counts;
    }

    synchronized Optional<Instant> firstOfVersion(int version) {
      return byTurn.values().stream().map(list -> list.get(0)).filter(a -> a.version() == version)
          .map(Answer::occurredAt).min(Instant::compareTo);
    }

    synchronized List<Integer> versionsAnsweredAfter(Instant since) {
      return byTurn.values().stream().map(list -> list.get(0)).filter(a -> a.occurredAt().isAfter(since))
          .map(Answer::version).distinct().toList();
    }

    void awaitAnswered(int count) throws InterruptedException {
      waitUntil(() -> answered() >= count, ANSWER_BUDGET);
      Thread.sleep(500); // a duplicate would arrive right behind the answers
    }

    @Override
    public void close() throws InterruptedException {
      running = false;
      consumer.wakeup();
      thread.join(10_000);
    }
  }

  /** {@link WorkerMain} in a child JVM with this JVM's classpath, so that it can be killed for real. */
  private static final class ChildWorker implements AutoCloseable {
    private static final String STARTED = "vz worker: started";
    private final Process process;

    private ChildWorker(Process process) {
      this.process = process;
    }

    static ChildWorker start(List<String> args, Path dir) throws IOException, InterruptedException {
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
          "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=org.visionzero",
          "-cp", System.getProperty("java.class.path"), WorkerMain.class.getName()));
      command.addAll(args);
      Path output = Files.createTempFile(dir, "child-worker", ".log");
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
      long deadline = System.nanoTime() + GROUP_BUDGET.toNanos();
      while (!Files.readString(output, StandardCharsets.UTF_8).contains(STARTED)) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          process.destroyForcibly();
          throw new IllegalStateException("child worker did not start: " + Files.readString(output));
        }
        Thread.sleep(100);
      }
      return new ChildWorker(process);
    }

    /** SIGTERM, as a service manager stops it: the shutdown hook runs; returns the exit status. */
    int terminate() throws InterruptedException {
      process.destroy();
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      return process.exitValue();
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or committed. */
    void kill() throws InterruptedException {
      process.destroyForcibly();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    @Override
    public void close() throws InterruptedException {
      if (process.isAlive()) {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
      }
    }
  }
}
