package org.visionzero.ops.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.visionzero.game.config.GameConfig;
import org.visionzero.ops.broker.BrokerSettings;
import org.visionzero.ops.eval.EvalArm;
import org.visionzero.ops.eval.EvaluatorSettings;
import org.visionzero.ops.run.RunPlan;
import org.visionzero.ops.run.V0Choice;
import org.visionzero.policy.model.VzModel;
import org.visionzero.policy.remote.RemoteSettings;
import org.visionzero.streams.app.BoundedRocksDbMemory;
import org.visionzero.streams.config.CoordinatorConfig;
import org.visionzero.topics.TopicCatalog;
import org.visionzero.trainer.TrainerConfig;
import org.visionzero.workers.WorkerConfig;

/**
 * Configuration of {@code vz run}, the whole system in one process: the embedded broker (unless
 * {@code bootstrap.servers} points at an existing cluster), the shared Kafka settings, and the run itself
 * (policy, stop conditions, producer, workers, trainer, evaluator).
 */
public final class VzRunConfig extends AbstractConfig {

  public static final String RUN_ID = "run.id";
  public static final String POLICY = "run.policy";
  public static final String POLICY_ECHO = "policy.echo";
  public static final String STEPS = "run.steps";
  public static final String DURATION = "run.duration";
  public static final String WORKERS = "run.workers";
  public static final String PRODUCE_RATE = "produce.rate";
  public static final String PRODUCE_COUNT = "produce.count";
  public static final String PRODUCE_SEED = "produce.seed";
  public static final String IMAGE_SIZE = "produce.image.size";
  public static final String HELD_OUT_SHARE = "produce.held.out.share";
  public static final String MAX_GAMES_IN_FLIGHT = "coordinator.max.games.in.flight";
  public static final String WORKER_BATCH_MAX_SIZE = "worker." + WorkerConfig.BATCH_MAX_SIZE;
  public static final String WORKER_BATCH_MAX_WAIT_MS = "worker." + WorkerConfig.BATCH_MAX_WAIT_MS;
  public static final String TURN_TIMEOUT_MS = "coordinator.turn.timeout.ms";
  public static final String GAME_PLAYERS = CoordinatorConfig.GAME_PLAYERS;
  public static final String GAME_CLUE_ROUNDS = CoordinatorConfig.GAME_CLUE_ROUNDS;
  public static final String WORKER_POLICY_BACKEND = "worker." + WorkerConfig.POLICY_BACKEND;
  public static final String WORKER_OPENAI_BASE_URL = "worker." + WorkerConfig.OPENAI_BASE_URL;
  public static final String WORKER_OPENAI_MODEL = "worker." + WorkerConfig.OPENAI_MODEL;
  public static final String WORKER_OPENAI_API_KEY_ENV = "worker." + WorkerConfig.OPENAI_API_KEY_ENV;
  public static final String WORKER_OPENAI_MAX_IN_FLIGHT = "worker." + WorkerConfig.OPENAI_MAX_IN_FLIGHT;
  public static final String WORKER_OPENAI_POLICIES = "worker." + WorkerConfig.OPENAI_POLICIES;
  public static final String STREAMS_COMMIT_INTERVAL = "streams.commit.interval.ms";
  public static final String STREAMS_ROCKSDB_MEMORY = "streams." + BoundedRocksDbMemory.MEMORY_MB_CONFIG;
  public static final String GAMES_PER_STEP = "trainer.games.per.step";
  public static final String CHECKPOINT_INTERVAL = "trainer.checkpoint.interval.steps";
  public static final String LEARNING_RATE = "trainer.learning.rate";
  public static final String STALENESS = "trainer.staleness.max.versions";
  public static final String EVAL_GAMES_PER_ARM = "eval.games.per.arm";
  public static final String EVAL_INTERVAL = "eval.interval";
  public static final String EVAL_ARMS = "eval.arms";
  public static final String EVAL_FINAL_GAMES = "eval.final.games";
  public static final String PROBE_ITEMS = "probe.items";
  public static final String EVAL_FINAL_BUDGET = "eval.final.budget";
  public static final String EVAL_REFEREE = "eval.referee.version";
  public static final String EVAL_REFEREE_THRESHOLD = "eval.referee.threshold";
  public static final String PRETRAIN_BUDGET = "pretrain.budget";
  public static final String PRETRAIN_SEED = "pretrain.seed";
  public static final String PRETRAIN_PARTIAL_CAPTIONS = "pretrain.partial.captions";
  public static final String V0_CHECKPOINT = "v0.checkpoint";
  public static final String PROGRESS_INTERVAL = "progress.interval";
  public static final String CHECKPOINT_BLOBS_KEEP = "checkpoint.blobs.keep";
  public static final String DISK_MIN_FREE_MB = "disk.min.free.mb";

  /** The DJL vision-language model, trained by the trainer. */
  public static final String POLICY_MODEL = "model";
  /** The scripted zero-cost random policy: the pipeline without learning (benchmarks, smoke tests). */
  public static final String POLICY_RANDOM = "random";
  /** Prefix of the trainer settings a run passes on, e.g. {@code trainer.decision.learning.rate}. */
  public static final String TRAINER_PREFIX = "trainer.";
  /**
   * Trainer settings a run passes on as {@code trainer.<setting>}, defined with the trainer's own type, default,
   * validator and documentation.
   */
  public static final List<String> PASSED_TO_TRAINER = List.of(TrainerConfig.DECISION_LEARNING_RATE,
      TrainerConfig.DECISION_ADVANTAGE, TrainerConfig.DECISION_UPDATES, TrainerConfig.DECISION_SKIP_REPEATING_SPY,
      TrainerConfig.DECISION_SKIP_UNSOLVED,
      TrainerConfig.CLUE_TRAINABLE, TrainerConfig.DECISION_TRAINABLE, TrainerConfig.WARMUP_STEPS,
      TrainerConfig.PHASE_SCHEDULE, TrainerConfig.PHASE_CYCLE_LENGTH, TrainerConfig.CLUE_KL_BETA,
      TrainerConfig.CLUE_KL_BETA_SPY, TrainerConfig.CLUE_FIDELITY_WEIGHT, TrainerConfig.DECISION_KL_BETA,
      TrainerConfig.RAE_ENABLED, TrainerConfig.RAE_ALPHA);
  /** {@value #POLICY_ECHO}: the model may echo another seat's latest clue (v0's prior, learnt per role). */
  public static final String ECHO_ON = "on";
  /** {@value #POLICY_ECHO}: the model never echoes; only what its own clue says can win. */
  public static final String ECHO_OFF = "off";
  /** A run bounded only by time trains until it ends: its schedule stays flat after warm-up. */
  public static final long OPEN_ENDED_STEPS = 1_000_000L;
  /** Warm-up steps of a run bounded only by time (a share of an open-ended step count means nothing). */
  public static final int OPEN_ENDED_WARMUP_STEPS = 20;
  /** Referee version -1: chosen by the evaluator (first version past the threshold). */
  public static final int REFEREE_AUTO = -1;

  private static final String RUN = "Run";

  public static final ConfigDef CONFIG_DEF = defineRun(KafkaSettings.define(
      MetricsSettings.define(BrokerSettingsDef.define(new ConfigDef())), "",
      "An existing Kafka cluster to use, as host:port pairs; empty (the default) starts the embedded broker."));

  private static ConfigDef defineRun(ConfigDef def) {
    def
        .define(RUN_ID, Type.STRING, "run-1", new ConfigDef.NonEmptyString(), Importance.HIGH,
            "Run id: names the trainer's run and the evaluator's games; keep it to resume a run.", RUN, 1,
            ConfigDef.Width.SHORT, "Run id")
        .define(POLICY, Type.STRING, POLICY_MODEL, ValidString.in(POLICY_MODEL, POLICY_RANDOM), Importance.HIGH,
            "model: the DJL model, pretrained to v0 and trained; random: the scripted random policy, no trainer.")
        .define(POLICY_ECHO, Type.STRING, ECHO_ON, ValidString.in(ECHO_ON, ECHO_OFF), Importance.HIGH,
            "on: a clue turn of the model may echo, word for word, the latest clue of another seat (v0 does so with "
                + "probability 0.1 in every role; self-play learns it per role). off: v0 is published with its echo "
                + "logits off, so no version ever echoes (the trainer cannot move them) and the only way to win is "
                + "what the clue itself says. Fixed when v0 is published: a resumed run keeps its v0's.")
        .define(STEPS, Type.LONG, 400L, Range.atLeast(1), Importance.HIGH,
            "Training steps; the run stops after the last (its learning-rate schedule spans them).")
        .define(DURATION, Type.STRING, "", Importance.HIGH,
            "Stop after this long (e.g. 30m, 90s, 1h); empty runs until the steps are done or Ctrl-C.")
        .define(WORKERS, Type.INT, 1, Range.between(1, 64), Importance.HIGH, "Worker instances (consumer group).")
        .define(PRODUCE_RATE, Type.DOUBLE, 50.0, Range.atLeast(0.0), Importance.MEDIUM,
            "Image pairs produced per second (0: as fast as possible).")
        .define(PRODUCE_COUNT, Type.LONG, 1_000_000L, Range.atLeast(1), Importance.MEDIUM,
            "Image pairs to produce in all (re-running produces no duplicates).")
        .define(PRODUCE_SEED, Type.LONG, 1L, Importance.LOW, "Seed of the first image pair.")
        .define(IMAGE_SIZE, Type.INT, 64, Range.between(64, 2048), Importance.MEDIUM, "Image width and height.")
        .define(HELD_OUT_SHARE, Type.DOUBLE, 0.1, Range.between(0.0, 1.0), Importance.MEDIUM,
            "Share of pairs held out for evaluation (never trained on).")
        .define(STREAMS_COMMIT_INTERVAL, Type.LONG, 25L, Range.atLeast(1), Importance.MEDIUM,
            "Commit interval of the coordinator and the scorer (Kafka Streams). Under exactly-once a turn request "
                + "becomes visible to workers only when the coordinator commits, so each of a game's turns waits "
                + "for it: Kafka's 100 ms default held a game of 9 turns to about 14 games/s at 24 in flight.")
        .define(STREAMS_ROCKSDB_MEMORY, Type.INT, BoundedRocksDbMemory.DEFAULT_MEMORY_MB, Range.atLeast(0),
            Importance.LOW, "MiB that every RocksDB store of the coordinator and the scorer share (block cache and "
                + "memtables; BoundedRocksDbMemory). 0 leaves RocksDB's defaults: up to a 50 MB cache and three 16 MB "
                + "memtables per store and partition, 18 of them in a run.")
        .define(MAX_GAMES_IN_FLIGHT, Type.INT, 24, Range.atLeast(1), Importance.MEDIUM,
            "Coordinator backpressure: games running at once. Fewer games in flight make training samples fresher "
                + "(a 6-minute run reached decision accuracy 0.57 at 24 against 0.51 at 64); more give workers "
                + "bigger batches.")
        .define(WORKER_BATCH_MAX_SIZE, Type.INT, WorkerConfig.DEFAULT_BATCH_MAX_SIZE,
            Range.between(1, WorkerConfig.MAX_BATCH_SIZE), Importance.MEDIUM,
            "Turns a worker answers in one micro-batch (one policy call, one transaction). A model's best batch is "
                + "what its device holds; a cheap policy gains from batches as large as the games in flight.")
        .define(WORKER_BATCH_MAX_WAIT_MS, Type.LONG, WorkerConfig.DEFAULT_BATCH_MAX_WAIT_MS, Range.atLeast(0),
            Importance.LOW, "How long a worker waits to fill a micro-batch once it holds a first turn.")
        .define(GAME_PLAYERS, Type.INT, CoordinatorConfig.FROM_MODE, Importance.MEDIUM,
            "Players per game, the spy included (civilians + 1, 3..8 for the standard model); -1: the code mode's 4.")
        .define(GAME_CLUE_ROUNDS, Type.INT, CoordinatorConfig.FROM_MODE, Importance.MEDIUM,
            "Clue rounds per game (1..4 for the standard model); -1: the code mode's 2.")
        .define(WORKER_POLICY_BACKEND, Type.STRING, WorkerConfig.BACKEND_IN_JVM,
            ValidString.in(WorkerConfig.BACKEND_IN_JVM, WorkerConfig.BACKEND_OPENAI), Importance.MEDIUM,
            "in-jvm: workers run the model; openai: workers send every turn of the model to the OpenAI-compatible "
                + "server at " + WORKER_OPENAI_BASE_URL + " (e.g. vz serve --follow on this run's cluster).")
        .define(WORKER_OPENAI_BASE_URL, Type.STRING, "", Importance.MEDIUM,
            "Base URL of the server for the openai backend, e.g. http://127.0.0.1:8000/v1.")
        .define(WORKER_OPENAI_MODEL, Type.STRING, RemoteSettings.DEFAULT_MODEL_TEMPLATE,
            Importance.LOW, "Model of each request ({policy} and {version} name the turn's version).")
        .define(WORKER_OPENAI_API_KEY_ENV, Type.STRING, "OPENAI_API_KEY", Importance.LOW,
            "Environment variable holding the server's API key (never logged).")
        .define(WORKER_OPENAI_MAX_IN_FLIGHT, Type.INT, WorkerConfig.DEFAULT_BATCH_MAX_SIZE, Range.atLeast(1),
            Importance.LOW, "Requests a worker has in flight at once (a whole micro-batch by default).")
        .define(WORKER_OPENAI_POLICIES, Type.LIST, VzModel.POLICY_NAME, Importance.LOW,
            "Policy names the openai backend plays: the run's own, and any whose versions an outside trainer "
                + "announces (vz checkpoint publish-remote).")
        .define(TURN_TIMEOUT_MS, Type.LONG, CoordinatorConfig.DEFAULT_TURN_TIMEOUT_MS, Range.atLeast(1),
            Importance.LOW, "A turn unanswered this long (counted once the coordinator has caught up with its input "
                + "after a start) is requested again as the next attempt.")
        .define(GAMES_PER_STEP, Type.INT, 8, Range.atLeast(1), Importance.MEDIUM, "Training games per step.")
        .define(CHECKPOINT_INTERVAL, Type.INT, 4, Range.atLeast(1), Importance.MEDIUM,
            "A checkpoint (new policy version) every this many steps.")
        .define(LEARNING_RATE, Type.DOUBLE, 1e-4, Range.between(1e-12, 1.0), Importance.MEDIUM,
            "Peak learning rate of the trainer.")
        .define(STALENESS, Type.INT, 2, Range.atLeast(0), Importance.MEDIUM,
            "Largest policy-version lag of a trained sample.")
        .define(EVAL_GAMES_PER_ARM, Type.INT, 48, Range.atLeast(1), Importance.MEDIUM,
            "Evaluation games per arm for each new version while training.")
        .define(EVAL_INTERVAL, Type.STRING, "90s", Importance.MEDIUM,
            "While training, the least time between the starts of two versions' evaluations (e.g. 90s; 0s: "
                + "evaluate the newest version as soon as the previous evaluation is done). Evaluation games share "
                + "the workers with training games.")
        .define(EVAL_ARMS, Type.LIST, allArms(), Importance.LOW,
            "The evaluation arms played for each evaluated version, while training and at the end: any of "
                + allArms() + "; e.g. 'decision,no-image' leaves the workers more time for training (and the "
                + "summary without win rates).")
        .define(EVAL_FINAL_GAMES, Type.INT, 500, Range.atLeast(0), Importance.MEDIUM,
            "Evaluation games per arm of the final version at the end (0: none).")
        .define(PROBE_ITEMS, Type.INT, 100, Range.between(0, 100_000), Importance.LOW,
            "Items per task of the transfer probe of v0 and the final version, after the final evaluation "
                + "(0: no probe).")
        .define(EVAL_FINAL_BUDGET, Type.STRING, "10m", Importance.MEDIUM,
            "Longest wait for the final evaluation (e.g. 10m).")
        .define(EVAL_REFEREE, Type.INT, REFEREE_AUTO, Range.atLeast(REFEREE_AUTO), Importance.MEDIUM,
            "Fixed referee version of the clue-skill games; -1: the first version whose decision accuracy on v0 "
                + "clues passes eval.referee.threshold.")
        .define(EVAL_REFEREE_THRESHOLD, Type.DOUBLE, EvaluatorSettings.DEFAULT_REFEREE_THRESHOLD,
            Range.between(0.01, 1.0), Importance.LOW,
            "Decision accuracy that makes a version the fixed referee.")
        .define(PRETRAIN_BUDGET, Type.STRING, "10m", Importance.MEDIUM,
            "Time budget of pretraining v0 when the data directory has none.")
        .define(PRETRAIN_SEED, Type.LONG, 1L, Importance.LOW, "Seed of pretraining.")
        .define(PRETRAIN_PARTIAL_CAPTIONS, Type.DOUBLE, 0.0, Range.between(0.0, 1.0), Importance.LOW,
            "Share of pretraining captions cut after a random number of objects, so that v0 sometimes gives "
                + "shorter clues (a spy that names fewer objects is found less often); 0 = always every object.")
        .define(V0_CHECKPOINT, Type.STRING, V0Choice.SHIPPED, Importance.MEDIUM,
            "Where v0 comes from: 'shipped' (the v0 shipped with vz, its sha256 checked: self-play starts at once), "
                + "'pretrain' (pretrain one now, within pretrain.budget and --duration), or a checkpoint file (checked "
                + "against FILE.sha256 when there is one).")
        .define(PROGRESS_INTERVAL, Type.STRING, "15s", Importance.LOW,
            "How often the progress line is written when standard error is not a terminal (a log); on a terminal it "
                + "is redrawn in place.")
        .define(CHECKPOINT_BLOBS_KEEP, Type.INT, 10, Range.atLeast(0), Importance.MEDIUM,
            "Checkpoint files kept in the blob store besides those still in use (v0, the referee, the version under "
                + "evaluation): the newest N; older ones are deleted while the run goes on (their events stay on the "
                + "topic). 0 keeps every checkpoint.")
        .define(DISK_MIN_FREE_MB, Type.LONG, 1024L, Range.atLeast(0), Importance.MEDIUM,
            "Free space (MiB) of the data directory's disk below which the run stops cleanly (end 'disk_low'), "
                + "writing its summary; 0 turns the guard off.");
    for (String key : PASSED_TO_TRAINER) {
      ConfigDef.ConfigKey trainerKey = TrainerConfig.definition().configKeys().get(key);
      def.define(TRAINER_PREFIX + key, trainerKey.type, trainerKey.defaultValue, trainerKey.validator,
          trainerKey.importance, trainerKey.documentation);
    }
    return def;
  }

  public VzRunConfig(Map<String, Object> values) {
    super(CONFIG_DEF, values, false);
    CoordinatorConfig.withShape(GameConfig.code().toBuilder(), getInt(GAME_PLAYERS), getInt(GAME_CLUE_ROUNDS));
    duration();
    evalFinalBudget();
    evalInterval();
    evalArms();
    pretrainBudget();
    progressInterval();
  }

  /** True when no external cluster is configured, so {@code vz run} starts its own broker. */
  public boolean usesEmbeddedBroker() {
    return getString(KafkaSettings.BOOTSTRAP_SERVERS).isBlank();
  }

  /** The metrics port, or empty when no metrics endpoint is wanted. */
  public OptionalInt metricsPort() {
    int port = getInt(MetricsSettings.METRICS_PORT);
    return port == MetricsSettings.DISABLED ? OptionalInt.empty() : OptionalInt.of(port);
  }

  /** The address the metrics endpoint listens on (loopback unless configured). */
  public String metricsHost() {
    return getString(MetricsSettings.METRICS_HOST);
  }

  public BrokerSettings brokerSettings() {
    return BrokerSettingsDef.brokerSettings(this);
  }

  public KafkaClientProperties clientProperties() {
    return KafkaClientProperties.from(this);
  }

  public TopicCatalog topicCatalog() {
    return KafkaSettings.topicCatalog(this);
  }

  /** Where the run keeps everything besides the broker's log: blobs, stream state, v0, run reports. */
  public Path dataDir() {
    return Path.of(getString(BrokerSettingsDef.DATA_DIR)).toAbsolutePath().normalize();
  }

  public String runId() {
    return getString(RUN_ID);
  }

  public String policy() {
    return getString(POLICY);
  }

  /** Whether the model may echo another seat's clue ({@value #POLICY_ECHO} = on). */
  public boolean echo() {
    return getString(POLICY_ECHO).equals(ECHO_ON);
  }

  /** The run's training steps: as set, else open-ended when only a duration bounds the run, else the default. */
  public long steps() {
    return openEnded() ? OPEN_ENDED_STEPS : getLong(STEPS);
  }

  private boolean openEnded() {
    return duration().isPresent() && !originals().containsKey(STEPS);
  }

  /**
   * The trainer settings of this run (everything but where to connect and what to load): steps, batch, rates,
   * checkpoints, staleness and every {@link #PASSED_TO_TRAINER} setting, keyed by the trainer's names.
   */
  public Map<String, Object> trainerSettings() {
    Map<String, Object> settings = new HashMap<>();
    for (String key : PASSED_TO_TRAINER) {
      settings.put(key, get(TRAINER_PREFIX + key));
    }
    if (openEnded() && !originals().containsKey(TRAINER_PREFIX + TrainerConfig.WARMUP_STEPS)) {
      settings.put(TrainerConfig.WARMUP_STEPS, OPEN_ENDED_WARMUP_STEPS);
    }
    settings.put(TrainerConfig.GAMES_PER_STEP, gamesPerStep());
    settings.put(TrainerConfig.STALENESS_MAX_VERSIONS, staleness());
    settings.put(TrainerConfig.CHECKPOINT_INTERVAL_STEPS, checkpointInterval());
    settings.put(TrainerConfig.TOTAL_STEPS, steps());
    settings.put(TrainerConfig.LEARNING_RATE, learningRate());
    return settings;
  }

  public Optional<Duration> duration() {
    String text = getString(DURATION);
    return text.isBlank() ? Optional.empty() : Optional.of(DurationText.parse(DURATION, text));
  }

  public int workers() {
    return getInt(WORKERS);
  }

  public double produceRate() {
    return getDouble(PRODUCE_RATE);
  }

  public long produceCount() {
    return getLong(PRODUCE_COUNT);
  }

  public long produceSeed() {
    return getLong(PRODUCE_SEED);
  }

  public int imageSize() {
    return getInt(IMAGE_SIZE);
  }

  public double heldOutShare() {
    return getDouble(HELD_OUT_SHARE);
  }

  public int maxGamesInFlight() {
    return getInt(MAX_GAMES_IN_FLIGHT);
  }

  public int workerBatchMaxSize() {
    return getInt(WORKER_BATCH_MAX_SIZE);
  }

  public long workerBatchMaxWaitMs() {
    return getLong(WORKER_BATCH_MAX_WAIT_MS);
  }

  /** Players and clue rounds of the run's games, as coordinator settings (only those set). */
  public Map<String, Object> gameShape() {
    Map<String, Object> shape = new HashMap<>();
    shape.put(GAME_PLAYERS, getInt(GAME_PLAYERS));
    shape.put(GAME_CLUE_ROUNDS, getInt(GAME_CLUE_ROUNDS));
    return shape;
  }

  /** The worker's settings of the policy backend ({@code worker.policy.*} without the {@code worker.} prefix). */
  public Map<String, Object> workerBackendSettings() {
    Map<String, Object> out = new HashMap<>();
    for (String key : List.of(WORKER_POLICY_BACKEND, WORKER_OPENAI_BASE_URL, WORKER_OPENAI_MODEL,
        WORKER_OPENAI_API_KEY_ENV, WORKER_OPENAI_MAX_IN_FLIGHT, WORKER_OPENAI_POLICIES)) {
      out.put(key.substring("worker.".length()), get(key));
    }
    return out;
  }

  public long turnTimeoutMs() {
    return getLong(TURN_TIMEOUT_MS);
  }

  public long streamsCommitIntervalMs() {
    return getLong(STREAMS_COMMIT_INTERVAL);
  }

  public int streamsRocksDbMemoryMb() {
    return getInt(STREAMS_ROCKSDB_MEMORY);
  }

  public int gamesPerStep() {
    return getInt(GAMES_PER_STEP);
  }

  public int checkpointInterval() {
    return getInt(CHECKPOINT_INTERVAL);
  }

  public double learningRate() {
    return getDouble(LEARNING_RATE);
  }

  public int staleness() {
    return getInt(STALENESS);
  }

  public int evalGamesPerArm() {
    return getInt(EVAL_GAMES_PER_ARM);
  }

  public Duration evalInterval() {
    return DurationText.parseNonNegative(EVAL_INTERVAL, getString(EVAL_INTERVAL));
  }

  /** The arms every evaluation plays ({@value #EVAL_ARMS}); an unknown name is a clear error. */
  public Set<EvalArm> evalArms() {
    List<String> names = getList(EVAL_ARMS);
    if (names.isEmpty()) {
      throw new VzConfigException(EVAL_ARMS + " needs at least one arm of " + allArms());
    }
    Set<EvalArm> arms = EnumSet.noneOf(EvalArm.class);
    for (String name : names) {
      try {
        arms.add(EvalArm.fromWireName(name.trim()));
      } catch (IllegalArgumentException e) {
        throw new VzConfigException(EVAL_ARMS + ": " + e.getMessage());
      }
    }
    return arms;
  }

  private static String allArms() {
    return Arrays.stream(EvalArm.values()).map(EvalArm::wireName).collect(Collectors.joining(","));
  }

  public int evalFinalGames() {
    return getInt(EVAL_FINAL_GAMES);
  }

  public int probeItems() {
    return getInt(PROBE_ITEMS);
  }

  public Duration evalFinalBudget() {
    return DurationText.parse(EVAL_FINAL_BUDGET, getString(EVAL_FINAL_BUDGET));
  }

  public OptionalInt evalReferee() {
    int referee = getInt(EVAL_REFEREE);
    return referee == REFEREE_AUTO ? OptionalInt.empty() : OptionalInt.of(referee);
  }

  public double evalRefereeThreshold() {
    return getDouble(EVAL_REFEREE_THRESHOLD);
  }

  public Duration pretrainBudget() {
    return DurationText.parse(PRETRAIN_BUDGET, getString(PRETRAIN_BUDGET));
  }

  public long pretrainSeed() {
    return getLong(PRETRAIN_SEED);
  }

  public double pretrainPartialCaptions() {
    return getDouble(PRETRAIN_PARTIAL_CAPTIONS);
  }

  /**
   * How {@code vz run} spends its duration: pretraining (when asked for), self-play, final evaluation; its
   * {@code refusal} says when the duration is too short ({@code vz run} refuses it, benchmarks time arms
   * their own way).
   */
  public RunPlan plan() {
    return RunPlan.of(duration(), v0().pretrains() && getString(POLICY).equals(POLICY_MODEL), pretrainBudget(),
        evalFinalGames(), evalFinalBudget());
  }

  /**
   * When self-play stops, counted from the start of the run (pretraining included): the duration less the final
   * evaluation and stopping; empty without a duration.
   */
  public Optional<Duration> selfPlayDeadline() {
    return plan().selfPlayEnds();
  }

  /** Where v0 comes from (validated at construction). */
  public V0Choice v0() {
    return V0Choice.parse(getString(V0_CHECKPOINT));
  }

  /** How many of the newest checkpoint blobs a run keeps; 0: all. */
  public int checkpointBlobsKeep() {
    return getInt(CHECKPOINT_BLOBS_KEEP);
  }

  /** Free bytes of the data directory's disk below which the run stops; 0: never. */
  public long diskMinFreeBytes() {
    return getLong(DISK_MIN_FREE_MB) * 1024L * 1024L;
  }

  public Duration progressInterval() {
    return DurationText.parse(PROGRESS_INTERVAL, getString(PROGRESS_INTERVAL));
  }
}
