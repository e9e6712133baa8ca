package org.visionzero.ops.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import org.visionzero.events.CheckpointPublished;
import org.visionzero.ops.config.BrokerSettingsDef;
import org.visionzero.ops.config.KafkaSettings;
import org.visionzero.ops.config.VzConfigException;
import org.visionzero.ops.config.VzRunConfig;
import org.visionzero.ops.eval.EvalArm;
import org.visionzero.ops.eval.Evaluator;
import org.visionzero.ops.eval.VersionResult;
import org.visionzero.ops.progress.MeterTotals;
import org.visionzero.ops.report.RunReport;
import org.visionzero.ops.run.CheckpointHash;
import org.visionzero.ops.run.ModelRuntime;
import org.visionzero.ops.run.Pipeline;
import org.visionzero.ops.run.PolicyRuntime;
import org.visionzero.ops.run.PolicyRuntimes;
import org.visionzero.ops.run.ShippedV0;
import org.visionzero.ops.run.SyncBaseline;
import org.visionzero.ops.run.V0Choice;
import org.visionzero.ops.run.VzRun;
import org.visionzero.process.ProcessUsage;
import org.visionzero.producers.scenes.SceneGenerator;
import org.visionzero.producers.scenes.SceneOptions;
import org.visionzero.producers.scenes.ScenePair;
import org.visionzero.streams.coordinator.CoordinatorMetrics;
import org.visionzero.trainer.TrainerConfig;
import org.visionzero.trainer.djl.SyncRun;
import org.visionzero.trainer.inputs.PairPictures;
import org.visionzero.trainer.sync.SyncResult;

/**
 * {@code vz bench learning}: in one process, one after the other, the streaming {@code vz run} on a fresh
 * embedded broker and data directory, then the synchronous loop of {@code vz run --sync}, both for the same
 * duration, from the same v0, with the same seeds and trainer settings. Each arm's held-out decision accuracy
 * on v0's clues is recorded over time; the result says when each first reached the target and what each had
 * reached when the shorter one ended.
 *
 * <p>Clocks: the streaming arm's starts when the pipeline starts (so it includes starting the Streams apps and
 * workers and publishing v0), and its evaluations run beside training on the same two cores, as in
 * {@code vz run}; an evaluation is dated when the evaluated checkpoint was published. The synchronous arm's
 * clock starts with its loop. Both arms do the same evaluation work and both pay for it: every
 * {@code evalInterval} of its clock each arm evaluates its newest weights on {@code evalGames} held-out games
 * with v0's clues and as many with a blank image (the streaming evaluator plays only those two arms, its final
 * evaluation too), and that time is counted in each arm's clock. An arm stops once its clock reaches the duration, or
 * when its steps are done.
 */
public final class LearningBenchmark {

  /** Decision samples an evaluation needs before it can count as reaching the target. */
  public static final long MIN_SAMPLES = 30;
  /** Longest wait for the streaming arm's final evaluation of its last version. */
  public static final Duration FINAL_EVALUATION_BUDGET = Duration.ofMinutes(3);
  public static final String STREAMING = "streaming";
  public static final String SYNC = "sync";

  private LearningBenchmark() {
  }

  /**
   * @param duration   how long each arm trains
   * @param target     held-out decision accuracy whose time is measured
   * @param evalInterval both arms evaluate their newest weights after every such interval of their clock
   * @param evalGames  held-out games of each evaluation, with the image and as many without; 0: the config's
   *                   {@code eval.games.per.arm}
   * @param finalGames games per evaluation arm of the streaming arm's final evaluation of its last version
   * @param workDir    a fresh directory: v0, and one data directory per arm
   */
  public record Options(Duration duration, double target, Duration evalInterval, int evalGames, int finalGames,
      Path workDir) {
    public Options {
      Objects.requireNonNull(duration, "duration");
      Objects.requireNonNull(evalInterval, "evalInterval");
      Objects.requireNonNull(workDir, "workDir");
      if (duration.isNegative() || duration.isZero()) {
        throw new VzConfigException("--duration must be positive, was " + duration);
      }
      if (!(target > 0 && target <= 1)) {
        throw new VzConfigException("--target must be in (0, 1], was " + target);
      }
      if (evalInterval.isNegative() || evalInterval.isZero()) {
        throw new VzConfigException("--eval-interval must be positive, was " + evalInterval);
      }
      if (evalGames < 0 || finalGames < 0) {
        throw new VzConfigException("--eval-games and --final-games must be >= 0");
      }
    }
  }

  /** Starts {@code vz args...} (one arm) and returns its exit code; its output goes to {@code log}. */
  @FunctionalInterface
  public interface ArmLauncher {
    int run(List<String> args, Path log) throws IOException, InterruptedException;
  }

  /**
   * Runs both arms on every seed, each arm in a fresh JVM started by {@code launcher} (so neither inherits the
   * other's JIT-compiled code, heap or model threads), the arms of a seed one after the other and in alternating
   * order from seed to seed, with the settings of {@code config} (run.policy must be the model).
   */
  public static LearningBenchSeries run(VzRunConfig config, Options options, List<Long> seeds, ArmLauncher launcher,
      Consumer<String> out) throws Exception {
    requireModel(config);
    if (seeds.isEmpty() || seeds.stream().distinct().count() != seeds.size()) {
      throw new VzConfigException("--seeds must be one or more distinct numbers, were " + seeds);
    }
    Path work = options.workDir().toAbsolutePath().normalize();
    Files.createDirectories(work);
    Path v0 = v0(config, work, out);
    List<LearningBenchSeries.SeedRun> runs = new ArrayList<>();
    for (int i = 0; i < seeds.size(); i++) {
      long seed = seeds.get(i);
      List<String> order = i % 2 == 0 ? List.of(STREAMING, SYNC) : List.of(SYNC, STREAMING);
      Map<String, LearningArm> arms = new HashMap<>();
      for (String arm : order) {
        out.accept("seed " + seed + ", " + arm + " arm: in a fresh JVM");
        arms.put(arm, armInChild(config, options, v0, seed, arm, work.resolve("seed-" + seed), launcher));
      }
      runs.add(new LearningBenchSeries.SeedRun(seed, order, new LearningBenchResult(options.target(),
          options.duration().toMillis() / 1000.0, MIN_SAMPLES, v0.toString(), arms.get(STREAMING),
          arms.get(SYNC))));
    }
    return new LearningBenchSeries(runs);
  }

  /**
   * One arm in this process ({@code vz bench learning --arm}), from the v0 file of {@code config}, with its data in
   * {@code dataDir}.
   */
  public static LearningArm runArm(VzRunConfig config, Options options, String arm, Path dataDir,
      Consumer<String> out) throws Exception {
    requireModel(config);
    if (config.v0().kind() != V0Choice.Kind.FILE) {
      throw new VzConfigException("vz bench learning --arm needs --v0 FILE: the parent hands both arms one v0");
    }
    Path v0 = config.v0().file().orElseThrow().toAbsolutePath().normalize();
    int evalGames = options.evalGames() > 0 ? options.evalGames() : config.evalGamesPerArm();
    VzRunConfig armConfig = armConfig(config, dataDir.toAbsolutePath().normalize(), v0, options, evalGames);
    return switch (arm) {
      case STREAMING -> streaming(armConfig, out);
      case SYNC -> sync(armConfig, options, evalGames, out);
      default -> throw new VzConfigException("--arm must be '" + STREAMING + "' or '" + SYNC + "', was '" + arm + "'");
    };
  }

  /** Writes what {@link #runArm} measured for the parent process ({@code --arm-output}). */
  public static void writeArm(LearningArm arm, Path file) throws IOException {
    ArmFile.write(arm, file);
  }

  private static void requireModel(VzRunConfig config) {
    if (!VzRunConfig.POLICY_MODEL.equals(config.policy())) {
      throw new VzConfigException("vz bench learning measures learning: it needs " + VzRunConfig.POLICY + "="
          + VzRunConfig.POLICY_MODEL + ", not '" + config.policy() + "'");
    }
  }

  /** Runs one arm of one seed in a child JVM and reads back what it measured. */
  private static LearningArm armInChild(VzRunConfig config, Options options, Path v0, long seed, String arm,
      Path seedDir, ArmLauncher launcher) throws Exception {
    Files.createDirectories(seedDir);
    Path settings = seedDir.resolve(arm + ".properties");
    Path result = seedDir.resolve(arm + ".json");
    Path log = seedDir.resolve(arm + ".log");
    Properties values = new Properties();
    config.originals().forEach((key, value) -> values.setProperty(key, String.valueOf(value)));
    values.setProperty(VzRunConfig.PRODUCE_SEED, Long.toString(seed));
    try (Writer writer = Files.newBufferedWriter(settings, StandardCharsets.UTF_8)) {
      values.store(writer, "vz bench learning: " + arm + " arm, seed " + seed);
    }
    // run.steps and every other setting travel in the file; the flags below would override it anyway.
    List<String> args = List.of("bench", "learning", "--arm", arm, "--arm-output", result.toString(),
        "--config", settings.toString(), "--data-dir", seedDir.resolve(arm).toString(), "--v0", v0.toString(),
        "--duration", options.duration().toMillis() + "ms", "--target", Double.toString(options.target()),
        "--eval-interval", options.evalInterval().toMillis() + "ms", "--eval-games",
        Integer.toString(options.evalGames()), "--final-games", Integer.toString(options.finalGames()));
    int exit = launcher.run(args, log);
    if (exit != 0 || !Files.isRegularFile(result)) {
      throw new IllegalStateException("the " + arm + " arm of seed " + seed + " failed (exit " + exit + "); its log: "
          + log);
    }
    return ArmFile.read(result);
  }

  /** The v0 of both arms (flag {@code --v0} or {@code v0.checkpoint}): a file, the shipped one, or pretrained now. */
  private static Path v0(VzRunConfig config, Path work, Consumer<String> out) throws Exception {
    if (config.v0().kind() == V0Choice.Kind.SHIPPED) {
      Path shipped = work.resolve("v0").resolve("v0-shipped.vzck");
      Files.createDirectories(shipped.getParent());
      Files.write(shipped, ShippedV0.bytes());
      out.accept("v0 for both arms: the v0 shipped with vz (sha256 " + ShippedV0.sha256() + ")");
      return shipped;
    }
    if (config.v0().kind() == V0Choice.Kind.FILE) {
      Path given = config.v0().file().orElseThrow().toAbsolutePath().normalize();
      CheckpointHash.readVerified(given); // refused here, before either arm starts
      out.accept("v0 for both arms: " + given);
      return given;
    }
    Path dir = work.resolve("v0");
    Files.createDirectories(dir);
    PolicyRuntime.V0 v0 = new ModelRuntime(config.imageSize(), config.pretrainBudget(), config.pretrainSeed(),
        config.pretrainPartialCaptions(), config.v0()).createV0(dir, out);
    Path file = dir.resolve("v0.ckpt");
    Files.write(file, v0.bytes());
    out.accept("v0 for both arms pretrained once: " + file);
    return file;
  }

  /** The user's settings with a fresh embedded broker and data dir, the shared v0 and the benchmark's limits. */
  static VzRunConfig armConfig(VzRunConfig config, Path dataDir, Path v0, Options options, int evalGames) {
    Map<String, Object> values = new HashMap<>(config.originals());
    values.put(KafkaSettings.BOOTSTRAP_SERVERS, "");
    values.put(BrokerSettingsDef.BROKER_PORT, "0");
    values.put(BrokerSettingsDef.DATA_DIR, dataDir.toString());
    values.put(VzRunConfig.V0_CHECKPOINT, v0.toString());
    values.put(VzRunConfig.DURATION, options.duration().toMillis() + "ms");
    values.put(VzRunConfig.EVAL_GAMES_PER_ARM, Integer.toString(evalGames));
    // The same evaluation work as the synchronous arm: its two arms, at the same interval.
    values.put(VzRunConfig.EVAL_INTERVAL, options.evalInterval().toMillis() + "ms");
    values.put(VzRunConfig.EVAL_ARMS, EvalArm.DECISION.wireName() + "," + EvalArm.NO_IMAGE.wireName());
    // Nothing the benchmark reports comes from the transfer probe: not worth its minutes of wall time.
    values.put(VzRunConfig.PROBE_ITEMS, "0");
    values.put(VzRunConfig.EVAL_FINAL_GAMES, Integer.toString(options.finalGames()));
    values.put(VzRunConfig.EVAL_FINAL_BUDGET, FINAL_EVALUATION_BUDGET.toSeconds() + "s");
    return new VzRunConfig(values);
  }

  private static LearningArm streaming(VzRunConfig config, Consumer<String> out) throws Exception {
    out.accept("streaming arm: vz run for " + seconds(config.duration().orElseThrow()) + " s on a fresh embedded "
        + "broker, data in " + config.dataDir());
    try (VzRun run = VzRun.start(config)) {
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      long cpuAtStart = ProcessUsage.cpuNanos();
      Instant start = Instant.now();
      Pipeline pipeline = Pipeline.start(run, config, PolicyRuntimes.forConfig(config), registry, out);
      Pipeline.End end = pipeline.awaitEnd(config.duration(), () -> false);
      double seconds = seconds(Duration.between(start, Instant.now()));
      double cpuSeconds = (ProcessUsage.cpuNanos() - cpuAtStart) / 1e9;
      Evaluator evaluator = pipeline.evaluator();
      long evaluationGames = evaluator.results().stream().mapToLong(VersionResult::games).sum();
      long completed = (long) MeterTotals.counter(registry, CoordinatorMetrics.GAMES_COMPLETED);
      out.accept("streaming arm: " + end.name().toLowerCase(Locale.ROOT) + " after " + Math.round(seconds)
          + " s; final evaluation");
      pipeline.finish(end, end != Pipeline.End.COMPONENT_FAILED, Map.of("benchmark", "vz bench learning"));
      List<LearningPoint> points = streamingPoints(evaluator, start, config.gamesPerStep());
      JsonNode summary = new ObjectMapper().readTree(pipeline.runDir().resolve(RunReport.SUMMARY_FILE).toFile());
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("evaluationGames", evaluator.results().stream().mapToLong(VersionResult::games).sum());
      putCpu(details, cpuSeconds, seconds);
      details.put("summary", pipeline.runDir().resolve(RunReport.SUMMARY_FILE).toString());
      return new LearningArm(STREAMING, end.name().toLowerCase(Locale.ROOT), seconds,
          summary.path("trainingSteps").asLong(), Math.max(0, completed - evaluationGames), points, details);
    }
  }

  /** One point per evaluated version, dated when its checkpoint was published (v0: the start). */
  static List<LearningPoint> streamingPoints(Evaluator evaluator, Instant start, int gamesPerStep) {
    List<LearningPoint> points = new ArrayList<>();
    for (VersionResult result : evaluator.results()) {
      Optional<CheckpointPublished> checkpoint = evaluator.checkpoint(result.version());
      if (result.decisionAccuracy().trials() == 0 || checkpoint.isEmpty()) {
        continue;
      }
      double at = result.version() == Evaluator.BASE_VERSION ? 0
          : Math.max(0, seconds(Duration.between(start, checkpoint.get().getOccurredAt())));
      long step = checkpoint.get().getTrainerStep();
      points.add(new LearningPoint(at, step, step * gamesPerStep, result.version(),
          result.decisionAccuracy().rate(), result.noImageAccuracy().rate(), result.naRate().rate(),
          result.decisionAccuracy().trials()));
    }
    return points;
  }

  /**
   * The synchronous loop as {@code vz run --sync} runs it (the steps of {@link SyncBaseline#run}: the run's trainer
   * settings, v0 and scenes), with its periodic evaluation and the benchmark's duration as its time limit, which
   * {@code SyncBaseline.run} has no parameter for yet.
   */
  private static LearningArm sync(VzRunConfig config, Options options, int evalGames, Consumer<String> out)
      throws Exception {
    out.accept("synchronous arm: " + seconds(options.duration()) + " s of training at most (" + config.steps()
        + " steps at most), one thread, no Kafka");
    ModelRuntime runtime = (ModelRuntime) PolicyRuntimes.forConfig(config);
    Map<String, Object> settings = new HashMap<>(config.trainerSettings());
    settings.put(TrainerConfig.RUN_ID, config.runId() + "-sync");
    settings.put(TrainerConfig.POLICY_NAME, runtime.policyName());
    settings.put(TrainerConfig.BASE_CHECKPOINT, config.v0().file().orElseThrow().toString());
    // The loop's pairs and games follow the arm's seed, as the streaming arm's pairs follow produce.seed.
    settings.put(TrainerConfig.MODEL_SEED, Long.toString(config.produceSeed()));
    SceneGenerator scenes = new SceneGenerator(SceneOptions.ofSize(config.imageSize(), config.imageSize()));
    SyncResult result = SyncRun.run(new TrainerConfig(settings), config.steps(), seed -> {
      ScenePair pair = scenes.generate(seed);
      return new PairPictures(pair.original(), pair.modified(), ScenePair.SPY_HINT);
    }, new SyncRun.Progress(0, evalGames, options.evalInterval(), Optional.of(options.duration())));
    Path runDir = config.dataDir().resolve("runs").resolve(config.runId());
    Files.createDirectories(runDir);
    Path summary = runDir.resolve(SyncBaseline.SUMMARY_FILE);
    Files.writeString(summary, result.toJson(), StandardCharsets.UTF_8);
    List<LearningPoint> points = result.points().stream().map(p -> new LearningPoint(p.seconds(), p.step(),
        p.gamesPlayed(), p.policyVersion(), p.decisionAccuracy(), p.noImageAccuracy(), p.naRate(), p.samples()))
        .toList();
    Map<String, Object> endOfRun = new LinkedHashMap<>();
    endOfRun.put("heldOutDecisionAccuracy", result.heldOutDecisionAccuracy());
    endOfRun.put("noImageDecisionAccuracy", result.noImageDecisionAccuracy());
    endOfRun.put("heldOutNaRate", result.heldOutNaRate());
    endOfRun.put("winRateVsV0", result.winRateVsV0());
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("endOfRunTrainedEverywhere", endOfRun);
    putCpu(details, result.cpuSeconds(), result.seconds());
    details.put("summary", summary.toString());
    return new LearningArm(SYNC, result.timeLimitReached() ? "time_limit" : "steps_done", result.seconds(),
        result.steps(), result.gamesPlayed(), points, details);
  }

  /** The process's CPU time over the arm's clock, and the cores it kept busy on average. */
  private static void putCpu(Map<String, Object> details, double cpuSeconds, double seconds) {
    details.put("cpuSeconds", LearningPoint.round(cpuSeconds));
    details.put("coresUsed", seconds > 0 ? LearningPoint.round(cpuSeconds / seconds) : null);
  }

  private static double seconds(Duration duration) {
    return duration.toMillis() / 1000.0;
  }
}
