package org.visionzero.workers.bench;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.visionzero.blob.FileBlobStore;
import org.visionzero.events.BlobRef;
import org.visionzero.events.CheckpointPublished;
import org.visionzero.events.PolicyRef;
import org.visionzero.game.view.TurnViews;
import org.visionzero.policy.Policy;
import org.visionzero.policy.PolicyTurn;
import org.visionzero.sign.CheckpointSignature;
import org.visionzero.topics.TopicCatalog;
import org.visionzero.workers.SceneFactsProvider;
import org.visionzero.workers.WorkerApp;
import org.visionzero.workers.WorkerConfig;
import org.visionzero.workers.WorkerMetrics;
import org.visionzero.workers.bench.WorkerBenchmarkResult.Swap;
import org.visionzero.workers.bench.WorkerBenchmarkResult.Throughput;
import org.visionzero.workers.device.DeviceChoice;
import org.visionzero.workers.device.WorkerDevice;
import org.visionzero.workers.policy.PolicyFactory;
import org.visionzero.workers.policy.PolicyLoadException;

/**
 * Measures a worker end to end against a Kafka cluster: turns per second of each policy at several batch
 * sizes (a backlog of requests answered by one worker), and the time from {@code CheckpointPublished} to the
 * first answer of the new version while turns keep arriving. Every run uses topics of its own.
 */
public final class WorkerBenchmark {
  /** Batches are cut this soon when the backlog runs dry, so the tail of a run is not padded with waits. */
  private static final Duration BATCH_WAIT = Duration.ofMillis(5);
  private static final int SWAP_BATCH_SIZE = 32;
  /** Continuous load during the swap: this many turns every {@link #LOAD_PAUSE}, about 500 turns/s. */
  private static final int LOAD_CHUNK = 10;
  private static final Duration LOAD_PAUSE = Duration.ofMillis(20);
  private static final Duration CATCH_UP = Duration.ofSeconds(10);
  private static final String OK = "ok";
  private static final String CHECKPOINT_MEDIA_TYPE = "application/x-vz-checkpoint";

  /**
   * @param policies    policy names to measure (a name no factory plays is reported as unavailable)
   * @param batchSizes  batch sizes B to measure each policy at
   * @param turnsPerRun backlog of turn requests per throughput run
   * @param swapPolicies policies whose new versions are published during a swap measurement each
   * @param swaps        checkpoints published in each swap measurement
   * @param runTimeout  longest a single run may take
   */
  public record Settings(String bootstrapServers, Path blobStoreDir, List<String> policies,
      List<Integer> batchSizes, int turnsPerRun, List<String> swapPolicies, int swaps, Duration runTimeout) {
    public Settings {
      swapPolicies = List.copyOf(swapPolicies);
      Objects.requireNonNull(bootstrapServers, "bootstrapServers");
      Objects.requireNonNull(blobStoreDir, "blobStoreDir");
      policies = List.copyOf(policies);
      batchSizes = List.copyOf(batchSizes);
      if (batchSizes.stream().anyMatch(b -> b < 1 || b > WorkerConfig.MAX_BATCH_SIZE)) {
        throw new IllegalArgumentException("batch sizes must be in 1.." + WorkerConfig.MAX_BATCH_SIZE
            + ", were " + batchSizes);
      }
      if (turnsPerRun < 1 || swaps < 0) {
        throw new IllegalArgumentException("turnsPerRun must be >= 1 and swaps >= 0, were " + turnsPerRun
            + " and " + swaps);
      }
    }

    /** The scripted policy and the model, at batch sizes 1, 8, 32 and 128, 1000 turns each, 3 swaps each. */
    public static Settings defaults(String bootstrapServers, Path blobStoreDir) {
      List<String> both = List.of("random", "vz");
      return new Settings(bootstrapServers, blobStoreDir, both, List.of(1, 8, 32, 128), 1000, both, 3,
          Duration.ofMinutes(2));
    }
  }

  private final Settings settings;
  private final PolicyFactory factory;

  public WorkerBenchmark(Settings settings, PolicyFactory factory) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.factory = Objects.requireNonNull(factory, "factory");
  }

  public WorkerBenchmarkResult run() throws InterruptedException {
    List<Throughput> throughput = new ArrayList<>();
    for (String policy : settings.policies()) {
      for (int batchSize : settings.batchSizes()) {
        throughput.add(throughput(policy, batchSize));
      }
    }
    List<Swap> swaps = new ArrayList<>();
    for (String policy : settings.swapPolicies()) {
      swaps.add(swap(policy));
    }
    return new WorkerBenchmarkResult(throughput, swaps);
  }

  Throughput throughput(String policy, int batchSize) throws InterruptedException {
    if (!factory.handles(policy)) {
      return Throughput.unavailable(policy, batchSize, "unavailable: no policy factory plays '" + policy + "'");
    }
    try {
      return measureThroughput(policy, batchSize);
    } catch (IllegalStateException e) {
      return Throughput.unavailable(policy, batchSize, "failed: " + e.getMessage());
    }
  }

  private Throughput measureThroughput(String policy, int batchSize) throws InterruptedException {
    String runId = runId();
    TopicCatalog catalog = TopicCatalog.of(runId + ".");
    int turns = settings.turnsPerRun();
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    try (BenchTopics topics = new BenchTopics(settings.bootstrapServers(), catalog);
        TurnLoad load = new TurnLoad(settings.bootstrapServers(), catalog.turnRequests(), policy, runId);
        KafkaProducer<String, CheckpointPublished> publisher = checkpointPublisher(catalog)) {
      publishBaseVersion(publisher, catalog, policy);
      load.write(turns);
      try (AnswerReader reader = new AnswerReader(settings.bootstrapServers(), catalog.gameEvents());
          WorkerApp app = startWorker(catalog, runId, batchSize, meters)) {
        boolean complete = reader.awaitAnswered(turns, settings.runTimeout());
        List<Instant> times = reader.answers().stream().map(AnswerReader.Answer::occurredAt).sorted().toList();
        String status = complete ? OK : "timeout after " + settings.runTimeout() + ": read " + times.size()
            + " of " + turns + " answers; " + workerView(meters)
            + (app.failures().isEmpty() ? "" : "; worker failed: " + app.failures());
        return new Throughput(policy, batchSize, status, turns, times.size(), span(times),
            steadyRate(times, batchSize), inferenceRate(policy, batchSize, turns));
      }
    }
  }

  Swap swap(String policy) throws InterruptedException {
    if (settings.swaps() == 0) {
      return Swap.unavailable(policy, "skipped: 0 swaps asked for");
    }
    if (!factory.handles(policy) || factory.exampleCheckpoint(policy, 0).isEmpty()) {
      return Swap.unavailable(policy, "unavailable: no policy factory makes checkpoints of '" + policy + "'");
    }
    String runId = runId();
    TopicCatalog catalog = TopicCatalog.of(runId + ".");
    List<Long> latencies = new ArrayList<>();
    String status = OK;
    try (BenchTopics topics = new BenchTopics(settings.bootstrapServers(), catalog);
        TurnLoad load = new TurnLoad(settings.bootstrapServers(), catalog.turnRequests(), policy, runId);
        KafkaProducer<String, CheckpointPublished> publisher = checkpointPublisher(catalog);
        AnswerReader reader = new AnswerReader(settings.bootstrapServers(), catalog.gameEvents());
        WorkerApp app = startWorkerOnBaseVersion(publisher, catalog, policy, runId)) {
      ContinuousLoad continuous = new ContinuousLoad(load);
      continuous.start();
      try {
        reader.awaitAnswered(1, settings.runTimeout());
        for (int version = 1; version <= settings.swaps(); version++) {
          Instant published = publish(publisher, catalog, policy, version);
          Instant served = reader.awaitFirstAnswerOf(version, published, settings.runTimeout());
          if (served == null) {
            status = "timeout: version " + version + " never answered within " + settings.runTimeout();
            break;
          }
          latencies.add(Duration.between(published, served).toMillis());
        }
      } finally {
        continuous.stopAndJoin();
      }
      if (!reader.awaitAnswered(load.written(), settings.runTimeout()) && OK.equals(status)) {
        status = "incomplete: " + (load.written() - reader.answered()) + " turns unanswered";
      }
      return new Swap(policy, status, latencies, median(latencies), load.written(), reader.answered(),
          reader.duplicates());
    }
  }

  private WorkerApp startWorkerOnBaseVersion(KafkaProducer<String, CheckpointPublished> publisher,
      TopicCatalog catalog, String policy, String runId) throws InterruptedException {
    publishBaseVersion(publisher, catalog, policy);
    return startWorker(catalog, runId, SWAP_BATCH_SIZE, new SimpleMeterRegistry());
  }

  /** Publishes version 0 when the factory makes checkpoints (the model has no version without one). */
  private void publishBaseVersion(KafkaProducer<String, CheckpointPublished> publisher, TopicCatalog catalog,
      String policy) throws InterruptedException {
    if (factory.exampleCheckpoint(policy, 0).isPresent()) {
      publish(publisher, catalog, policy, 0);
    }
  }

  private Instant publish(KafkaProducer<String, CheckpointPublished> publisher, TopicCatalog catalog,
      String policy, int version) throws InterruptedException {
    byte[] checkpoint = factory.exampleCheckpoint(policy, version).orElseThrow(
        () -> new IllegalStateException("no checkpoint of " + policy + "@" + version + " can be made"));
    BlobRef blob;
    try {
      blob = new FileBlobStore(settings.blobStoreDir()).put(checkpoint, CHECKPOINT_MEDIA_TYPE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store a checkpoint in " + settings.blobStoreDir(), e);
    }
    Instant now = Instant.now();
    CheckpointPublished event = CheckpointPublished.newBuilder()
        .setEventId("checkpoint/" + policy + "/" + version).setOccurredAt(now)
        .setPolicy(new PolicyRef(policy, version)).setCheckpoint(blob).setTrainerStep(version)
        .setParentVersion(version - 1).setArchitecture(factory.architecture(policy)).setRunId("bench").build();
    String topic = catalog.checkpoints().name();
    ProducerRecord<String, CheckpointPublished> record = new ProducerRecord<>(topic, policy, event);
    // Signed as the trainer signs, so that the bench's workers accept it when VZ_CHECKPOINT_KEY is set.
    CheckpointSignature.fromEnvironment(System.getenv())
        .sign(catalog.checkpoints().keySerde().serializer().serialize(topic, policy),
            catalog.checkpoints().valueSerde().serializer().serialize(topic, event))
        .ifPresent(mac -> record.headers().add(CheckpointSignature.HEADER, mac));
    try {
      publisher.send(record).get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot publish checkpoint " + policy + "@" + version + ": " + e, e);
    }
    return now;
  }

  private KafkaProducer<String, CheckpointPublished> checkpointPublisher(TopicCatalog catalog) {
    KafkaProducer<String, CheckpointPublished> producer = new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers()),
        new StringSerializer(), catalog.checkpoints().valueSerde().serializer());
    producer.partitionsFor(catalog.checkpoints().name()); // metadata now, so no publish is timed with it
    return producer;
  }

  private WorkerApp startWorker(TopicCatalog catalog, String runId, int batchSize, MeterRegistry meters)
      throws InterruptedException {
    Map<String, Object> props = new HashMap<>();
    props.put(WorkerConfig.BOOTSTRAP_SERVERS, settings.bootstrapServers());
    props.put(WorkerConfig.GROUP_ID, runId);
    props.put(WorkerConfig.WORKER_ID, runId);
    props.put(WorkerConfig.TOPIC_PREFIX, catalog.prefix());
    props.put(WorkerConfig.BATCH_MAX_SIZE, batchSize);
    props.put(WorkerConfig.BATCH_MAX_WAIT_MS, BATCH_WAIT.toMillis());
    props.put(WorkerConfig.DEVICE, DeviceChoice.CPU.configValue());
    props.put(WorkerConfig.BLOB_STORE_DIR, settings.blobStoreDir().toString());
    props.put(WorkerConfig.CHECKPOINT_CATCH_UP_TIMEOUT_MS, CATCH_UP.toMillis());
    return WorkerApp.start(new WorkerConfig(props), factory, SceneFactsProvider.NONE, meters);
  }

  /** What the worker itself counted, to tell a stuck worker from answers that are not visible to readers. */
  private static String workerView(MeterRegistry meters) {
    double answered = meters.find(WorkerMetrics.TURNS).counters().stream().mapToDouble(Counter::count).sum();
    double aborted = meters.find(WorkerMetrics.ABORTED_BATCHES).counters().stream().mapToDouble(Counter::count).sum();
    long batches = meters.find(WorkerMetrics.BATCH_SIZE).summaries().stream().mapToLong(s -> s.count()).sum();
    return String.format(Locale.ROOT, "the worker answered %.0f turns in %d committed batches, %.0f aborted",
        answered, batches, aborted);
  }

  /** Turns per second of the policy alone (base version, CPU) on {@code turns} clue turns in batches. */
  double inferenceRate(String policy, int batchSize, int turns) {
    List<PolicyTurn> all = new ArrayList<>(turns);
    for (int i = 0; i < turns; i++) {
      all.add(PolicyTurn.of(TurnViews.fromRequest(TurnLoad.request("inference", i, policy)), null));
    }
    byte[] base = factory.exampleCheckpoint(policy, 0).orElse(null);
    try (Policy loaded = factory.load(new PolicyRef(policy, 0), base, WorkerDevice.CPU)) {
      loaded.clues(all.subList(0, Math.min(batchSize, turns))); // warm-up
      long started = System.nanoTime();
      for (int from = 0; from < turns; from += batchSize) {
        loaded.clues(all.subList(from, Math.min(turns, from + batchSize)));
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      return seconds <= 0 ? 0 : turns / seconds;
    } catch (PolicyLoadException e) {
      return 0; // e.g. the model's base version needs a checkpoint: no in-process figure
    }
  }

  private static String runId() {
    return "bench-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static double span(List<Instant> sorted) {
    return sorted.size() < 2 ? 0 : Duration.between(sorted.get(0), sorted.get(sorted.size() - 1)).toNanos() / 1e9;
  }

  /** Answers after the first batch over the time they took: excludes group join and the first batch. */
  static double steadyRate(List<Instant> sorted, int batchSize) {
    int start = Math.min(batchSize, sorted.size()) - 1;
    int counted = sorted.size() - 1 - start;
    if (counted <= 0) {
      return 0;
    }
    double seconds = Duration.between(sorted.get(start), sorted.get(sorted.size() - 1)).toNanos() / 1e9;
    return seconds <= 0 ? 0 : counted / seconds;
  }

  static long median(List<Long> values) {
    if (values.isEmpty()) {
      return 0;
    }
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get((sorted.size() - 1) / 2); // the lower middle for an even count
  }

  /** Writes turn requests at a steady pace on its own thread until stopped. */
  private static final class ContinuousLoad extends Thread {
    private final TurnLoad load;
    private volatile boolean running = true;

    ContinuousLoad(TurnLoad load) {
      super("bench-turn-load");
      setDaemon(true);
      this.load = load;
    }

    @Override
    public void run() {
      while (running) {
        load.write(LOAD_CHUNK);
        try {
          Thread.sleep(LOAD_PAUSE.toMillis());
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    void stopAndJoin() throws InterruptedException {
      running = false;
      join();
    }
  }
}
