package org.visionzero.ops.run;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.visionzero.blob.BlobStore;
import org.visionzero.blob.FileBlobStore;
import org.visionzero.events.CheckpointPublished;
import org.visionzero.events.ImagePairCreated;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.events.TrainingStepCompleted;
import org.visionzero.ops.checkpoint.StoredCheckpointBlobs;
import org.visionzero.ops.config.VzRunConfig;
import org.visionzero.ops.disk.CheckpointBlobPruner;
import org.visionzero.ops.disk.CheckpointRetention;
import org.visionzero.ops.disk.DiskGuard;
import org.visionzero.ops.eval.Evaluator;
import org.visionzero.ops.eval.EvaluatorSettings;
import org.visionzero.ops.eval.VersionResult;
import org.visionzero.ops.metrics.EvaluationGauges;
import org.visionzero.ops.metrics.GroupLagGauges;
import org.visionzero.ops.progress.ConsoleProgress;
import org.visionzero.ops.progress.ConsumerLag;
import org.visionzero.ops.progress.FinalEvaluationLine;
import org.visionzero.ops.progress.MeterTotals;
import org.visionzero.ops.progress.ProgressReporter;
import org.visionzero.ops.progress.ProgressSample;
import org.visionzero.ops.report.ReportPage;
import org.visionzero.ops.report.RunReport;
import org.visionzero.ops.report.RunSummary;
import org.visionzero.ops.report.SampleGame;
import org.visionzero.ops.resources.ResourceFigures;
import org.visionzero.ops.resources.ResourceSampler;
import org.visionzero.producers.publish.ProduceOptions;
import org.visionzero.producers.publish.SourceKind;
import org.visionzero.streams.app.BoundedRocksDbMemory;
import org.visionzero.streams.config.CoordinatorConfig;
import org.visionzero.streams.config.ScorerConfig;
import org.visionzero.streams.config.StreamsAppSettings;
import org.visionzero.streams.coordinator.CoordinatorApp;
import org.visionzero.streams.coordinator.CoordinatorMetrics;
import org.visionzero.streams.scorer.ScorerApp;
import org.visionzero.topics.Topic;
import org.visionzero.topics.TopicCatalog;
import org.visionzero.trainer.TrainerApp;
import org.visionzero.trainer.TrainerConfig;
import org.visionzero.workers.WorkerApp;
import org.visionzero.workers.WorkerConfig;
import org.visionzero.workers.WorkerMetrics;

/**
 * The components of {@code vz run} on top of a {@link VzRun}, each on its own threads and wired only through
 * Kafka topics: v0, producer, coordinator, scorer, workers, trainer, evaluator, training log and progress line.
 * {@link #awaitEnd} waits for a stop condition; {@link #finish} evaluates the last version and writes
 * {@code summary.json} and {@code report.html} in the run directory.
 */
public final class Pipeline {

  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
  public static final String WORKER_GROUP = "vz-workers";
  /** The scorer's Streams application id, which is also its consumer group. */
  private static final String SCORER_APP = ScorerConfig.DEFAULT_APPLICATION_ID;
  /** The coordinator's Streams application id, which is also its consumer group. */
  private static final String COORDINATOR_APP = "vz-coordinator";
  /** How often {@code vz.consumer.lag} asks the cluster. */
  private static final Duration LAG_SAMPLING = Duration.ofSeconds(10);
  /** How long a stopping run waits for the scorer to read the game events already written. */
  private static final Duration SCORER_DRAIN = Duration.ofSeconds(30);
  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration WAIT_TICK = Duration.ofMillis(500);
  private static final int SAMPLE_GAMES = 6;
  /**
   * On the embedded broker the group members die with the broker, so after a crash none of them can come back:
   * the restarted run's groups should notice that in seconds, not after Kafka's 45-second default session.
   * (The trainer assigns its partitions itself and has no group membership to time out.)
   */
  static final String EMBEDDED_SESSION_TIMEOUT_MS = "10000";
  /** Two images a game, twice over: evaluation games and games just ended share the cache with those in flight. */
  private static final int IMAGES_CACHED_PER_GAME_IN_FLIGHT = 4;

  /** Why a run ended. */
  public enum End { STEPS_DONE, DURATION_REACHED, STOP_REQUESTED, COMPONENT_FAILED, DISK_LOW }

  /** How often expired checkpoint blobs are deleted ({@code checkpoint.blobs.keep}). */
  private static final Duration PRUNE_INTERVAL = Duration.ofSeconds(20);
  /** How often summary.json's resource samples are taken (resident memory, games completed). */
  private static final Duration RESOURCE_SAMPLING = Duration.ofMinutes(1);

  private final VzRun run;
  private final VzRunConfig config;
  private final PolicyRuntime runtime;
  private final MeterRegistry registry;
  private final Consumer<String> out;
  /** When the run began: its duration, time left and summary count from here. */
  private final Instant started;
  private final Path runDir;
  private final BlobStore blobs;
  private final DiskGuard disk;
  private Optional<String> diskLow = Optional.empty();
  private CheckpointBlobPruner pruner;
  private CloseOnce producerStop;
  private CloseOnce trainerStop;
  private CloseOnce progressLine;
  private ResourceSampler resources;
  private TrainerApp trainer;
  private CoordinatorApp coordinator;
  private ScorerApp scorer;
  private Evaluator evaluator;
  private TrainingLogReader trainingLog;
  private final List<WorkerApp> workers = new ArrayList<>();
  private int players;
  private CheckpointPublished v0;

  private Pipeline(VzRun run, VzRunConfig config, PolicyRuntime runtime, MeterRegistry registry,
      Consumer<String> out, Instant started) {
    this.started = started;
    this.run = run;
    this.config = config;
    this.runtime = runtime;
    this.registry = registry;
    this.out = out;
    this.runDir = config.dataDir().resolve("runs").resolve(config.runId());
    this.blobs = blobStore(config);
    this.disk = DiskGuard.of(config.dataDir(), config.diskMinFreeBytes());
  }

  /** Starts every component on {@code run}, which stops them (in reverse order) when closed; its clock starts now. */
  public static Pipeline start(VzRun run, VzRunConfig config, PolicyRuntime runtime, MeterRegistry registry,
      Consumer<String> out) throws Exception {
    return start(run, config, runtime, registry, out, Instant.now());
  }

  /**
   * The same, with the run's clock started at {@code started} ({@code vz run}: when the command began, so that the
   * broker's start-up counts in {@code --duration} too).
   */
  public static Pipeline start(VzRun run, VzRunConfig config, PolicyRuntime runtime, MeterRegistry registry,
      Consumer<String> out, Instant started) throws Exception {
    Pipeline pipeline = new Pipeline(run, config, runtime, registry, out, started);
    pipeline.startComponents();
    return pipeline;
  }

  private void startComponents() throws Exception {
    Map<String, Object> clients = run.clientProperties().asMap();
    TopicCatalog topics = run.catalog();
    Path data = config.dataDir();
    Path v0File = data.resolve("v0").resolve(runtime.policyName() + "-v0.ckpt");
    v0 = V0Bootstrap.ensure(runtime, clients, topics, blobs, data.resolve("v0"), v0File, out);
    LOG.info("v0: {}", v0.getCheckpoint().getSha256());

    Map<String, Object> coordinatorSettings = new HashMap<>(config.gameShape());
    coordinatorSettings.put(CoordinatorConfig.MAX_GAMES_IN_FLIGHT, config.maxGamesInFlight());
    coordinatorSettings.put(CoordinatorConfig.TURN_TIMEOUT_MS, config.turnTimeoutMs());
    coordinatorSettings.put(CoordinatorConfig.TRAINING_POLICY, runtime.policyName());
    CoordinatorConfig coordinatorConfig = new CoordinatorConfig(streamsSettings(COORDINATOR_APP,
        data.resolve("state"), coordinatorSettings));
    players = coordinatorConfig.gameConfig().numPlayers();
    CoordinatorApp coordinator = new CoordinatorApp(coordinatorConfig, registry, new StoredCheckpointBlobs(blobs));
    producerStop = new CloseOnce(PairProducer.start(produceOptions(), clients, topics, blobs,
        () -> (long) gauge(CoordinatorMetrics.GAMES_WAITING), 2L * config.maxGamesInFlight(),
        producerSeedFile(config)));
    run.add("producer", producerStop);
    this.coordinator = run.add("coordinator", coordinator.start());
    this.scorer = run.add("scorer", new ScorerApp(ScorerConfig.scorer(streamsSettings(SCORER_APP,
        data.resolve("state"), Map.of())), registry).start());
    for (int i = 0; i < config.workers(); i++) {
      WorkerApp worker = WorkerApp.start(new WorkerConfig(workerSettings(i, data)), runtime.workerPolicies(),
          registry);
      workers.add(worker);
      run.add("worker " + i, worker);
    }
    if (runtime.learners().isPresent()) {
      trainer = TrainerApp.start(new TrainerConfig(trainerSettings(v0File, data)), runtime.learners().get(),
          registry);
      trainerStop = new CloseOnce(trainer);
      run.add("trainer", trainerStop);
    } else {
      out.accept("policy '" + runtime.policyName() + "' does not learn: running without a trainer");
    }
    EvaluatorSettings evalSettings = EvaluatorSettings.defaults(config.runId(), runtime.policyName())
        .withGamesPerArm(config.evalGamesPerArm())
        .withFixedReferee(config.evalReferee())
        .withRefereeFile(runDir.resolve("referee"))
        .withRefereeThreshold(config.evalRefereeThreshold())
        .withInterval(config.evalInterval())
        .withArms(config.evalArms());
    evaluator = run.add("evaluator", Evaluator.start(evalSettings, clients, topics, true));
    if (config.checkpointBlobsKeep() > 0) {
      pruner = run.add("checkpoint pruner", new CheckpointBlobPruner(blobs,
          new CheckpointRetention(config.checkpointBlobsKeep()), evaluator::checkpointBlobs,
          evaluator::versionsInUse).start(PRUNE_INTERVAL));
    }
    trainingLog = run.add("training log", TrainingLogReader.start(clients, topics, config.runId(),
        registry));
    Admin admin = run.add("admin", Admin.create(run.clientProperties().forAdmin(ADMIN_TIMEOUT)));
    ConsumerLag lag = new ConsumerLag(admin, ADMIN_TIMEOUT);
    EvaluationGauges.bind(registry, evaluator::results);
    run.add("lag gauges", new GroupLagGauges(registry, lag::of, Map.of(
        WORKER_GROUP, List.of(topics.turnRequests().name()),
        SCORER_APP, List.of(topics.gameEvents().name()),
        COORDINATOR_APP, List.of(topics.imagePairs().name(), topics.gameEvents().name()))).start(LAG_SAMPLING));
    progressLine = new CloseOnce(ProgressReporter.start(() -> sample(lag, topics),
        ConsoleProgress.onTerminalOr(out, config.progressInterval()), config.selfPlayDeadline()));
    run.add("progress line", progressLine);
    resources = run.add("resource sampler", ResourceSampler.start(started,
        () -> (long) MeterTotals.counter(registry, CoordinatorMetrics.GAMES_COMPLETED), RESOURCE_SAMPLING));
  }

  /** The run's image store. */
  static BlobStore blobStore(VzRunConfig config) {
    return new FileBlobStore(config.dataDir().resolve("blobs"));
  }

  /** Where the run's producer keeps the seed of its next pair, so that a resumed run continues the sequence. */
  static Path producerSeedFile(VzRunConfig config) {
    return config.dataDir().resolve("producer").resolve("next-seed");
  }

  private ProduceOptions produceOptions() {
    return new ProduceOptions(SourceKind.SCENES, Optional.empty(), config.produceCount(), config.produceRate(),
        config.produceSeed(), config.imageSize(), config.imageSize(), 0, config.heldOutShare());
  }

  private Map<String, Object> streamsSettings(String applicationId, Path stateRoot, Map<String, Object> extra) {
    Map<String, Object> settings =
        new HashMap<>(run.clientProperties().prefixed(StreamsAppSettings.PASSTHROUGH_PREFIX));
    settings.putAll(extra);
    settings.put(StreamsAppSettings.BOOTSTRAP_SERVERS, run.bootstrapServers());
    settings.put(StreamsAppSettings.APPLICATION_ID, applicationId);
    settings.put(StreamsAppSettings.STATE_DIR, stateRoot.resolve(applicationId).toString());
    settings.put(StreamsAppSettings.TOPIC_PREFIX, run.catalog().prefix());
    settings.put(StreamsAppSettings.GAME_PARTITIONS, run.catalog().gamePartitions());
    settings.put(StreamsAppSettings.PASSTHROUGH_PREFIX + StreamsConfig.COMMIT_INTERVAL_MS_CONFIG,
        Long.toString(config.streamsCommitIntervalMs()));
    settings.put(StreamsAppSettings.PASSTHROUGH_PREFIX + BoundedRocksDbMemory.MEMORY_MB_CONFIG,
        Integer.toString(config.streamsRocksDbMemoryMb()));
    // the changelogs (compacted) roll small segments, so compaction keeps them near the live state on any cluster
    settings.put(StreamsAppSettings.PASSTHROUGH_PREFIX + StreamsConfig.topicPrefix("segment.bytes"),
        Integer.toString(Topic.SEGMENT_BYTES));
    if (config.usesEmbeddedBroker()) {
      settings.put(StreamsAppSettings.PASSTHROUGH_PREFIX + "replication.factor", "1");
      settings.put(StreamsAppSettings.PASSTHROUGH_PREFIX + ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG,
          EMBEDDED_SESSION_TIMEOUT_MS);
    }
    return settings;
  }

  private Map<String, Object> workerSettings(int index, Path data) {
    Map<String, Object> settings = new HashMap<>(run.clientProperties().prefixed(WorkerConfig.CLIENT_PREFIX));
    settings.put(WorkerConfig.BOOTSTRAP_SERVERS, run.bootstrapServers());
    settings.put(WorkerConfig.BLOB_STORE_DIR, data.resolve("blobs").toString());
    settings.put(WorkerConfig.TOPIC_PREFIX, run.catalog().prefix());
    settings.put(WorkerConfig.GROUP_ID, WORKER_GROUP);
    settings.put(WorkerConfig.WORKER_ID, "vz-run-worker-" + index);
    settings.put(WorkerConfig.DEVICE, "cpu");
    settings.put(WorkerConfig.BATCH_MAX_SIZE, config.workerBatchMaxSize());
    settings.put(WorkerConfig.BATCH_MAX_WAIT_MS, config.workerBatchMaxWaitMs());
    settings.putAll(config.workerBackendSettings());
    // every game in flight (training or evaluation) keeps two images in use: a smaller cache decodes per turn
    settings.put(WorkerConfig.IMAGE_CACHE_SIZE,
        Math.max(WorkerConfig.DEFAULT_IMAGE_CACHE_SIZE, IMAGES_CACHED_PER_GAME_IN_FLIGHT * config.maxGamesInFlight()));
    if (config.usesEmbeddedBroker()) {
      settings.put(WorkerConfig.CONSUMER_PREFIX + ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG,
          EMBEDDED_SESSION_TIMEOUT_MS);
    }
    return settings;
  }

  private Map<String, Object> trainerSettings(Path v0File, Path data) {
    Map<String, Object> settings = new HashMap<>(run.clientProperties().prefixed(TrainerConfig.KAFKA_PREFIX));
    settings.putAll(config.trainerSettings());
    settings.put(TrainerConfig.BOOTSTRAP_SERVERS, run.bootstrapServers());
    settings.put(TrainerConfig.TOPIC_PREFIX, run.catalog().prefix());
    settings.put(TrainerConfig.RUN_ID, config.runId());
    settings.put(TrainerConfig.POLICY_NAME, runtime.policyName());
    settings.put(TrainerConfig.BLOB_DIR, data.resolve("blobs").toString());
    settings.put(TrainerConfig.BASE_CHECKPOINT, v0File.toString());
    return settings;
  }

  private double gauge(String name) {
    return registry.find(name).gauges().stream().mapToDouble(Gauge::value).filter(Double::isFinite).sum();
  }

  private ProgressSample sample(ConsumerLag lag, TopicCatalog topics) {
    Optional<TrainingStepCompleted> last = trainingLog.history().latest();
    long waiting = lag.of(WORKER_GROUP, List.of(topics.turnRequests().name()));
    int version = last.map(TrainingStepCompleted::getPolicyVersion).orElse(0);
    long evaluated = evaluator.results().stream().mapToLong(VersionResult::games).sum();
    return new ProgressSample(Duration.between(started, Instant.now()),
        MeterTotals.counter(registry, CoordinatorMetrics.GAMES_COMPLETED),
        MeterTotals.counter(registry, WorkerMetrics.TURNS), version, last, waiting, evaluated);
  }

  /**
   * Waits until the trainer has done its steps, the duration has passed, a stop is requested, a part failed or the
   * data directory's disk is low ({@code disk.min.free.mb}).
   */
  public End awaitEnd(Optional<Duration> duration, BooleanSupplier stopRequested) throws InterruptedException {
    Instant until = duration.map(started::plus).orElse(Instant.MAX);
    while (true) {
      if (stopRequested.getAsBoolean()) {
        return End.STOP_REQUESTED;
      }
      diskLow = disk.check();
      if (diskLow.isPresent()) {
        LOG.error("stopping: {}", diskLow.get());
        return End.DISK_LOW;
      }
      if (trainer != null && trainer.finished()) {
        return End.STEPS_DONE;
      }
      if ((trainer != null && trainer.failure() != null) || evaluator.failure().isPresent()
          || workers.stream().anyMatch(w -> !w.isRunning()) || stopped(coordinator.state())
          || stopped(scorer.state())) {
        LOG.error("a component stopped: coordinator {}, scorer {}, trainer {}, evaluator {}, workers running {}",
            coordinator.state(), scorer.state(), trainer == null ? "none" : String.valueOf(trainer.failure()),
            evaluator.failure().map(Throwable::toString).orElse("ok"),
            workers.stream().map(WorkerApp::isRunning).toList());
        return End.COMPONENT_FAILED;
      }
      if (!Instant.now().isBefore(until)) {
        return End.DURATION_REACHED;
      }
      Thread.sleep(WAIT_TICK.toMillis());
    }
  }

  private static boolean stopped(org.apache.kafka.streams.KafkaStreams.State state) {
    return state == org.apache.kafka.streams.KafkaStreams.State.ERROR
        || state == org.apache.kafka.streams.KafkaStreams.State.NOT_RUNNING
        || state == org.apache.kafka.streams.KafkaStreams.State.PENDING_ERROR;
  }

  /**
   * Stops training and production, evaluates the newest version with the final number of games (unless
   * {@code evaluate} is false, e.g. after Ctrl-C), and writes the run directory's summary and report.
   */
  public Path finish(End end, boolean evaluate, Map<String, Object> extra) throws Exception {
    return finish(end, evaluate, extra, config.evalFinalBudget());
  }

  /** {@link #finish(End, boolean, Map)} with the final evaluation's time budget given. */
  public Path finish(End end, boolean evaluate, Map<String, Object> extra, Duration finalEvalBudget)
      throws Exception {
    progressLine.close();
    resources.selfPlayEnded();
    producerStop.close();
    if (trainerStop != null) {
      trainerStop.close();
    }
    if (end != End.COMPONENT_FAILED) {
      awaitScored(SCORER_DRAIN);
    }
    Optional<VersionResult> finalResult = Optional.empty();
    if (evaluate && config.evalFinalGames() > 0 && end != End.COMPONENT_FAILED) {
      // the version the trainer published last; the evaluator's thread may not have read it yet
      int trained = trainingLog.history().latest().map(TrainingStepCompleted::getPolicyVersion).orElse(0);
      int version = evaluator.awaitVersion(trained, Duration.ofSeconds(30));
      if (version < trained) {
        out.accept("the evaluator has read v" + version + " of the v" + trained + " published; evaluating v"
            + version);
      }
      out.accept("final evaluation of v" + version + ": " + config.evalFinalGames() + " games per arm (at most "
          + ConsoleProgress.time(finalEvalBudget) + ")");
      ConsoleProgress console = ConsoleProgress.onTerminalOr(out, ConsoleProgress.LOG_EVERY);
      finalResult = Optional.of(evaluator.evaluate(version, config.evalFinalGames(), finalEvalBudget,
          (done, partial, left) -> console.update(FinalEvaluationLine.format(version, done, partial, left))));
      console.finish(FinalEvaluationLine.format(version, 1.0, finalResult, Duration.ZERO));
    } else {
      List<VersionResult> results = evaluator.results();
      finalResult = results.isEmpty() ? Optional.empty() : Optional.of(results.get(results.size() - 1));
    }
    Map<String, Object> context = new LinkedHashMap<>(extra);
    context.put("end", end.name().toLowerCase(java.util.Locale.ROOT));
    context.put("policy", runtime.policyName());
    context.put("workers", config.workers());
    context.put("players", players);
    // an observer naming one of the players at random
    context.put("chanceDecisionAccuracy", 1.0 / players);
    context.put("gamesCompleted", (long) MeterTotals.counter(registry, CoordinatorMetrics.GAMES_COMPLETED));
    if (end != End.COMPONENT_FAILED) {
      int last = finalResult.map(VersionResult::version)
          .orElseGet(() -> trainingLog.history().latest().map(TrainingStepCompleted::getPolicyVersion).orElse(0));
      RunProbe.of(config, v0, evaluator.checkpoint(last), blobs, out)
          .ifPresent(probe -> context.put(ReportPage.PROBE, probe));
    }
    diskLow.ifPresent(reason -> context.put("stopReason", reason));
    if (pruner != null) {
      context.put("checkpointBlobsDeleted", pruner.deletedCount());
    }
    resources.sampleNow();
    context.putAll(ResourceFigures.of(resources.samples()));
    RunSummary summary = new RunSummary(config.runId(), started, Instant.now(), trainingLog.history().latest(),
        finalResult, evaluator.results(), context);
    return RunReport.write(runDir, summary, trainingLog.history(), sampleGames());
  }

  /**
   * Waits, at most {@code bound}, until the scorer has read every game event written so far: the games in
   * flight end without new ones (the producer is stopped), and none that completed is left unscored. Whatever
   * is left is scored at the next start, from the log.
   */
  private void awaitScored(Duration bound) throws InterruptedException {
    try (Admin admin = Admin.create(run.clientProperties().forAdmin(ADMIN_TIMEOUT))) {
      ConsumerLag lag = new ConsumerLag(admin, ADMIN_TIMEOUT);
      List<String> gameEvents = List.of(run.catalog().gameEvents().name());
      Instant until = Instant.now().plus(bound);
      long left = lag.of(SCORER_APP, gameEvents);
      while (left != 0 && Instant.now().isBefore(until)) {
        Thread.sleep(WAIT_TICK.toMillis());
        left = lag.of(SCORER_APP, gameEvents);
      }
      if (left != 0) {
        LOG.warn("the scorer had {} game events left to read after {} s; they are scored at the next start",
            left < 0 ? "an unknown number of" : String.valueOf(left), bound.toSeconds());
      }
    }
  }

  private List<SampleGame> sampleGames() {
    List<SampleGame> samples = new ArrayList<>();
    List<ScoredTrajectory> recent = evaluator.recentGames();
    for (ScoredTrajectory game : recent.subList(Math.max(0, recent.size() - SAMPLE_GAMES), recent.size())) {
      Optional<ImagePairCreated> pair = evaluator.heldOutPair(game.getPairId());
      samples.add(new SampleGame(game, pair.flatMap(p -> image(p.getOriginal())),
          pair.flatMap(p -> image(p.getModified()))));
    }
    return samples;
  }

  private Optional<byte[]> image(org.visionzero.events.BlobRef ref) {
    try {
      return Optional.of(blobs.get(ref));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  public Evaluator evaluator() {
    return evaluator;
  }

  public Path runDir() {
    return runDir;
  }
}
