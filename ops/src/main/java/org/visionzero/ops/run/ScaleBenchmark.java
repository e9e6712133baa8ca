package org.visionzero.ops.run;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.visionzero.game.config.GameConfig;
import org.visionzero.ops.audit.LogAudit;
import org.visionzero.ops.config.ConfigLoader;
import org.visionzero.ops.config.ConfigSources;
import org.visionzero.ops.config.VzRunConfig;
import org.visionzero.ops.eval.JsonNumbers;
import org.visionzero.ops.progress.MeterTotals;
import org.visionzero.ops.scale.GameShape;
import org.visionzero.ops.scale.GpuLatencyModel;
import org.visionzero.ops.scale.SimulatedGpuRuntime;
import org.visionzero.ops.scale.SimulatedGpus;
import org.visionzero.ops.scale.SimulatedTrainer;
import org.visionzero.ops.scale.SyncLoopSimulation;
import org.visionzero.producers.publish.ImagePairPublisher;
import org.visionzero.producers.publish.ProduceOptions;
import org.visionzero.producers.publish.SourceKind;
import org.visionzero.streams.coordinator.CoordinatorMetrics;
import org.visionzero.topics.TopicCatalog;
import org.visionzero.workers.WorkerConfig;

/**
 * {@code vz bench scale}: the real pipeline (embedded broker, coordinator, scorer, transactional workers) playing
 * against N simulated GPUs ({@link SimulatedGpus}, times from {@link GpuLatencyModel}) with a trainer of simulated
 * step time ({@link SimulatedTrainer}), against the synchronous loop simulated on the same model
 * ({@link SyncLoopSimulation}).
 *
 * <p>Simulated time may run slower than wall time ({@code timeScale} wall seconds per simulated second) so that
 * N GPUs ask no more turns a wall second of the orchestration than it can carry on this machine; utilisation and
 * ratios do not depend on the scale, and every rate is given per simulated second. Each GPU keeps
 * {@code batchesInFlight × batchPerGpu} games in flight, so that while one batch of games is on the GPU the others
 * go round the orchestration. The pairs are rendered before (a few distinct ones, renamed copies of them after), fed as
 * games complete; the window opens when half as many games as are in flight have completed (a steady state),
 * lasts {@code windowSeconds} of simulated time ({@code timeScale} times as long in wall time), then no more games
 * are fed, the games in flight are played out, and every topic is read
 * back (each requested turn answered once, no game lost).
 */
public final class ScaleBenchmark {
  /** Distinct pairs rendered; later games reuse their images under new pair ids. */
  static final int DISTINCT_PAIRS = 200;
  /** Steps of the simulated synchronous loop. */
  static final int SYNC_STEPS = 20;
  private static final long SYNC_SEED = 17L;
  private static final Duration TICK = Duration.ofMillis(100);
  /** Games queued at the coordinator beyond its bound, at least, so that a completed game is replaced at once. */
  private static final int MIN_QUEUED = 16;
  /** ... and a 32nd of the bound: few, as every queued game is still played out after the window. */
  private static final int QUEUED_SHARE = 32;
  private static final Duration READ_BACK_TIMEOUT = Duration.ofSeconds(120);
  /** A turn is re-requested only after this long: queueing for a dilated GPU must not look like a lost turn. */
  private static final Duration TURN_TIMEOUT = Duration.ofMinutes(30);
  private static final String NO_EVALUATION = "100000h";
  private static final int IMAGE_SIZE = 64;

  private ScaleBenchmark() {
  }

  /**
   * What to run.
   *
   * @param dataDir          a fresh directory; each run gets its own subdirectory
   * @param gpus             the N of each run
   * @param batchPerGpu      turns a GPU batches in the steady state (games per GPU of the synchronous loop)
   * @param workers          worker consumers, each driving gpus/workers simulated GPUs (at most the partitions)
   * @param batchesInFlight  batches of games each GPU has in flight: one computed, the others in the orchestration
   * @param windowSeconds    simulated seconds of each run's measured window
   * @param trainStepSeconds simulated seconds of one training step
   * @param timeScale        wall seconds per simulated second; empty: chosen per run from {@code wallTurnsPerSecond}
   * @param wallTurnsPerSecond the turns a wall second the orchestration is asked for when the scale is chosen
   * @param budget           how long one run may wait for its warm-up and for its games to finish
   */
  public record Options(Path dataDir, List<Integer> gpus, int batchPerGpu, int workers, int batchesInFlight,
      double windowSeconds,
      double trainStepSeconds, Optional<Double> timeScale, double wallTurnsPerSecond, Duration budget,
      Optional<Path> settings) {
    public Options {
      if (gpus.isEmpty() || gpus.stream().anyMatch(n -> n < workers) || batchPerGpu < 1 || workers < 1
          || batchesInFlight < 1
          || workers > TopicCatalog.DEFAULT_GAME_PARTITIONS || trainStepSeconds < 0 || wallTurnsPerSecond <= 0
          || windowSeconds <= 0
          || timeScale.map(s -> s <= 0).orElse(false)) {
        throw new IllegalArgumentException("need GPU counts >= workers, 1 <= workers <= "
            + TopicCatalog.DEFAULT_GAME_PARTITIONS + " (the turn topic's partitions), batch per GPU and batches in "
            + "flight >= 1, a step "
            + "time >= 0 and a positive window, rates and time scale");
      }
    }
  }

  /** Every run, and the model they shared. */
  public record Result(Options options, GpuLatencyModel model, GameShape shape, List<Run> runs) {
    public Map<String, Object> toJson() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("latencyModel", Map.of("overheadMs", model.overheadSeconds() * 1e3,
          "promptTokens", model.promptTokens(), "prefillUsPerToken", model.prefillSecondsPerToken() * 1e6,
          "decodeStepMs", model.stepBaseSeconds() * 1e3,
          "decodeStepMsPerSequence", model.stepPerSequenceSeconds() * 1e3,
          "clueTokens", List.of(model.clueTokensMin(), model.clueTokensMax()), "voteTokens", model.voteTokens()));
      json.put("turnsPerGame", shape.turns());
      json.put("batchPerGpu", options.batchPerGpu());
      json.put("batchesInFlightPerGpu", options.batchesInFlight());
      json.put("workers", options.workers());
      json.put("trainStepSeconds", options.trainStepSeconds());
      json.put("rates", "per simulated second (wall seconds = simulated seconds x timeScale)");
      json.put("runs", runs.stream().map(Run::toJson).toList());
      return json;
    }

    public boolean complete() {
      return runs.stream().allMatch(Run::complete);
    }
  }

  /**
   * One N.
   *
   * @param utilisation           busy time of the simulated GPUs over their time, in the window
   * @param turnsPerSecond        turns answered a simulated second
   * @param trajectoriesPerSecond games completed (and scored, then trained: the trainer drops none) a simulated
   *                              second
   * @param meanStaleness         mean version lag of the trajectories trained in the window
   * @param cpuCoresUsed          this process's CPU in the window (the orchestration, broker included)
   * @param inBatchShare          share of the GPUs' time their worker was in a batch; 1 minus it is the time the
   *                              workers spent between batches, it minus utilisation the time a GPU sat in its
   *                              worker's batch with no turn dealt to it or done before the batch's slowest GPU
   */
  public record Run(int gpus, double timeScale, int gamesInFlight, double windowWallSeconds, double utilisation,
      double inBatchShare,
      double turnsPerSecond, double trajectoriesPerSecond, double meanStaleness, long trainerSteps,
      double cpuCoresUsed, SyncLoopSimulation.Result sync, PipelineBenchmark.ReadBack readBack, long gamesFed) {

    boolean complete() {
      return readBack.turnsRequested() == readBack.turnsAnswered() && readBack.duplicateTurns() == 0
          && readBack.gamesLost() == 0;
    }

    Map<String, Object> toJson() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("gpus", gpus);
      json.put("utilisation", utilisation);
      json.put("turnsPerSecond", turnsPerSecond);
      json.put("trajectoriesPerSecond", trajectoriesPerSecond);
      json.put("syncTrajectoriesPerSecond", sync.trajectoriesPerSecond());
      json.put("meanStaleness", JsonNumbers.finiteOrNull(meanStaleness));
      json.put("idleInsideWorkerBatch", inBatchShare - utilisation);
      json.put("idleWorkerBetweenBatches", 1 - inBatchShare);
      json.put("streamingToSyncRatio", JsonNumbers.finiteOrNull(trajectoriesPerSecond / sync.trajectoriesPerSecond()));
      json.put("syncUtilisation", sync.utilisation());
      json.put("syncTurnsPerSecond", sync.turnsPerSecond());
      json.put("syncMeanStaleness", 0.0);
      json.put("timeScale", timeScale);
      json.put("gamesInFlight", gamesInFlight);
      json.put("windowWallSeconds", windowWallSeconds);
      json.put("wallTurnsPerSecond", turnsPerSecond / timeScale);
      json.put("trainerSteps", trainerSteps);
      json.put("cpuCoresUsed", cpuCoresUsed);
      json.put("gamesFed", gamesFed);
      readBack.putInto(json);
      json.put("complete", complete());
      return json;
    }
  }

  public static Result run(Options options, Consumer<String> progress) throws Exception {
    GpuLatencyModel model = GpuLatencyModel.h100Vlm7B();
    GameShape shape = GameShape.of(GameConfig.code());
    List<Run> runs = new ArrayList<>();
    for (int gpus : options.gpus()) {
      double scale = options.timeScale().orElse(autoTimeScale(model, shape, gpus, options));
      progress.accept("N = " + gpus + ": time scale " + scale + ", " + gamesInFlight(gpus, options)
          + " games in flight");
      runs.add(runOne(options, model, shape, gpus, scale, options.dataDir().resolve("n" + gpus), progress));
      Run last = runs.get(runs.size() - 1);
      progress.accept(String.format(java.util.Locale.ROOT, "N = %d: utilisation %.3f, %.1f trajectories/s "
          + "(sync %.1f), staleness %.2f", gpus, last.utilisation(), last.trajectoriesPerSecond(),
          last.sync().trajectoriesPerSecond(), last.meanStaleness()));
    }
    return new Result(options, model, shape, runs);
  }

  /** A full batch for each GPU of the largest worker group. */
  static int workerBatch(int gpus, Options options) {
    int largestGroup = (gpus + options.workers() - 1) / options.workers();
    int batch = largestGroup * options.batchPerGpu();
    if (batch > WorkerConfig.MAX_BATCH_SIZE) {
      throw new IllegalArgumentException(gpus + " GPUs in " + options.workers() + " workers need batches of "
          + batch + " turns, over the worker's bound of " + WorkerConfig.MAX_BATCH_SIZE + ": use more workers or a "
          + "smaller batch per GPU");
    }
    return batch;
  }

  static int gamesInFlight(int gpus, Options options) {
    return options.batchesInFlight() * gpus * options.batchPerGpu();
  }

  /**
   * The smallest scale (at least 1) at which N GPUs, each answering a full batch at a time, ask for no more than
   * {@code wallTurnsPerSecond} turns a wall second.
   */
  static double autoTimeScale(GpuLatencyModel model, GameShape shape, int gpus, Options options) {
    int batch = options.batchPerGpu();
    double gameSeconds = shape.clueTurns() * model.clueSeconds(batch, model.clueTokensMax())
        + shape.decisionTurns() * model.decisionSeconds(batch, shape.samples());
    double simulatedTurnsPerSecond = gpus * batch * shape.turns() / gameSeconds;
    return Math.max(1.0, Math.ceil(simulatedTurnsPerSecond / options.wallTurnsPerSecond()));
  }

  private static Run runOne(Options options, GpuLatencyModel model, GameShape shape, int gpus, double scale,
      Path dataDir, Consumer<String> progress) throws Exception {
    int inFlight = gamesInFlight(gpus, options);
    Map<String, String> flags = new HashMap<>();
    flags.put("data.dir", dataDir.toString());
    flags.put("broker.port", "0");
    flags.put(VzRunConfig.POLICY, VzRunConfig.POLICY_RANDOM);
    flags.put(VzRunConfig.WORKERS, Integer.toString(options.workers()));
    flags.put(VzRunConfig.PRODUCE_RATE, "0");
    flags.put(VzRunConfig.PRODUCE_COUNT, Integer.toString(DISTINCT_PAIRS));
    flags.put(VzRunConfig.IMAGE_SIZE, Integer.toString(IMAGE_SIZE));
    flags.put(VzRunConfig.HELD_OUT_SHARE, "0");
    flags.put(VzRunConfig.MAX_GAMES_IN_FLIGHT, Integer.toString(inFlight));
    // a worker takes one full batch for each of its GPUs at a time, so the games fall into two groups that take
    // turns on the GPUs: one is computed while the other goes round the orchestration
    flags.put(VzRunConfig.WORKER_BATCH_MAX_SIZE, Integer.toString(workerBatch(gpus, options)));
    flags.put(VzRunConfig.TURN_TIMEOUT_MS, Long.toString(TURN_TIMEOUT.toMillis()));
    flags.put(VzRunConfig.EVAL_INTERVAL, NO_EVALUATION);
    flags.put(VzRunConfig.EVAL_FINAL_GAMES, "0");
    // Keep every checkpoint: the simulated trainer publishes a version every few seconds, faster than the slowest
    // games finish, and a turn pinned to a pruned version is dead-lettered (policy-unavailable), not answered.
    flags.put(VzRunConfig.CHECKPOINT_BLOBS_KEEP, "0");
    VzRunConfig config = ConfigLoader.load(VzRunConfig.CONFIG_DEF, VzRunConfig::new,
        new ConfigSources(options.settings(), Map.of(), flags));
    SimulatedGpus simulated = new SimulatedGpus(model, gpus, options.workers(), scale);
    try (VzRun run = VzRun.start(config)) {
      Map<String, Object> clients = run.clientProperties().asMap();
      StagedPairs staged = StagedPairs.render(clients, Pipeline.blobStore(config), new ProduceOptions(
          SourceKind.SCENES, Optional.empty(), DISTINCT_PAIRS, 0, config.produceSeed(), config.imageSize(),
          config.imageSize(), 0, 0));
      // the run's own producer finds every pair of its range already made
      PairProducer.writeSeed(Pipeline.producerSeedFile(config), config.produceSeed() + DISTINCT_PAIRS);
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      SimulatedGpuRuntime runtime = new SimulatedGpuRuntime(simulated);
      Pipeline.start(run, config, runtime, registry, line -> { });
      SimulatedTrainer trainer = run.add("simulated trainer", SimulatedTrainer.start(clients, run.catalog(),
          Pipeline.blobStore(config), runtime.policyName(), options.trainStepSeconds(), scale));
      Feeder feeder = new Feeder(staged, run.catalog(), clients, registry, inFlight);
      try {
        Instant until = Instant.now().plus(options.budget());
        feeder.feedUntil(() -> completed(registry) >= inFlight / 2, until);
        Duration windowWall = Duration.ofNanos((long) (options.windowSeconds() * scale * 1e9));
        progress.accept("N = " + gpus + ": warm, window of " + windowWall.toSeconds() + " s opens");
        PipelineBenchmark.Window window = PipelineBenchmark.Window.open();
        long from = System.nanoTime();
        double completedAtOpen = completed(registry);
        Instant closes = Instant.now().plus(windowWall);
        feeder.feedUntil(() -> !Instant.now().isBefore(closes), Instant.MAX);
        long to = System.nanoTime();
        window.close();
        double completedInWindow = completed(registry) - completedAtOpen;
        double utilisation = simulated.utilisation(from, to);
        double inBatch = simulated.inBatchShare(from, to);
        List<SimulatedTrainer.Step> steps = trainer.stepsBetween(from, to);
        progress.accept("N = " + gpus + ": window closed; playing out the " + (feeder.fed() - (long) completed(
            registry)) + " games in flight");
        PipelineBenchmark.awaitCompleted(registry, feeder.fed(), Instant.now().plus(options.budget()));
        if (trainer.failure() != null) {
          throw new IllegalStateException("the simulated trainer failed: " + trainer.failure(), trainer.failure());
        }
        PipelineBenchmark.Log log = PipelineBenchmark.readLog(clients, run.catalog(), window);
        LogAudit audit = LogAudit.read(clients, run.catalog(), READ_BACK_TIMEOUT);
        PipelineBenchmark.ReadBack readBack = new PipelineBenchmark.ReadBack(log.requested(), log.answered(),
            audit.retries(), audit.turnsAnsweredTwice().size(),
            feeder.fed() - (audit.completedAt().size() - audit.aborted()));
        double simulatedSeconds = window.seconds() / scale;
        long trained = steps.stream().mapToLong(SimulatedTrainer.Step::trajectories).sum();
        long lag = steps.stream().mapToLong(SimulatedTrainer.Step::lagSum).sum();
        SyncLoopSimulation.Result sync = SyncLoopSimulation.run(gpus, options.batchPerGpu(), model, shape,
            options.trainStepSeconds(), SYNC_STEPS, SYNC_SEED);
        return new Run(gpus, scale, inFlight, window.seconds(), utilisation, inBatch,
            log.turnsInWindow() / simulatedSeconds,
            completedInWindow / simulatedSeconds, trained == 0 ? Double.NaN : (double) lag / trained, steps.size(),
            window.coresUsed(), sync, readBack, feeder.fed());
      } finally {
        feeder.close();
      }
    }
  }

  private static double completed(SimpleMeterRegistry registry) {
    return MeterTotals.counter(registry, CoordinatorMetrics.GAMES_COMPLETED);
  }

  /** Keeps the coordinator's queue a little ahead of its bound on games in flight, as games complete. */
  private static final class Feeder implements AutoCloseable {
    private final StagedPairs staged;
    private final TopicCatalog topics;
    private final SimpleMeterRegistry registry;
    private final int ahead;
    private final KafkaProducer<byte[], byte[]> producer;
    private int fed;

    Feeder(StagedPairs staged, TopicCatalog topics, Map<String, Object> clients, SimpleMeterRegistry registry,
        int inFlight) {
      this.staged = staged;
      this.topics = topics;
      this.registry = registry;
      this.ahead = inFlight + Math.max(MIN_QUEUED, inFlight / QUEUED_SHARE);
      this.producer = new KafkaProducer<>(ImagePairPublisher.producerConfig(clients));
    }

    void feedUntil(java.util.function.BooleanSupplier done, Instant until) throws Exception {
      while (!done.getAsBoolean()) {
        if (!Instant.now().isBefore(until)) {
          throw new IllegalStateException("no steady state within the budget: " + (long) completed(registry)
              + " games completed of " + fed + " fed");
        }
        int target = (int) completed(registry) + ahead;
        if (target > fed) {
          staged.feedCopies(producer, topics.imagePairs(), fed, target);
          fed = target;
        }
        Thread.sleep(TICK.toMillis());
      }
    }

    long fed() {
      return fed;
    }

    @Override
    public void close() {
      producer.close();
    }
  }
}
