package org.visionzero.trainer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.visionzero.game.config.GameConfig;
import org.visionzero.game.outcome.DecisionGames;
import org.visionzero.game.reward.DecisionAdvantage;
import org.visionzero.policy.model.ParameterSet;
import org.visionzero.policy.train.GrpoLoss;
import org.visionzero.topics.TopicCatalog;
import org.visionzero.trainer.core.StepOptions;
import org.visionzero.trainer.step.CivilianFidelity;
import org.visionzero.trainer.step.KlAnchor;
import org.visionzero.trainer.step.LearningRateSchedule;
import org.visionzero.trainer.step.TrainableParameters;

/**
 * Every setting of {@code vz trainer} and {@code vz run --sync}: key, type, default, validator and documentation
 * together, validated once at start-up. Unknown keys starting with {@code kafka.} are passed to the Kafka
 * clients with the prefix removed (security settings, timeouts).
 */
public final class TrainerConfig extends AbstractConfig {
  public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
  public static final String TOPIC_PREFIX = "topic.prefix";
  public static final String RUN_ID = "run.id";
  public static final String POLICY_NAME = "policy.name";
  public static final String MODE = "mode";
  public static final String GAMES_PER_STEP = "games.per.step";
  public static final String STALENESS_MAX_VERSIONS = "staleness.max.versions";
  public static final String CHECKPOINT_INTERVAL_STEPS = "checkpoint.interval.steps";
  public static final String TOTAL_STEPS = "total.steps";
  public static final String LEARNING_RATE = "learning.rate";
  public static final String WARMUP_FRACTION = "warmup.fraction";
  public static final String WARMUP_STEPS = "warmup.steps";
  public static final String DECISION_LEARNING_RATE = "decision.learning.rate";
  public static final String DECISION_ADVANTAGE = "decision.advantage";
  public static final String DECISION_UPDATES = "decision.updates.per.batch";
  public static final String DECISION_SKIP_REPEATING_SPY = "decision.skip.repeating.spy";
  public static final String DECISION_SKIP_UNSOLVED = "decision.skip.unsolved";
  public static final String CLUE_KL_BETA = "clue.kl.beta";
  public static final String CLUE_KL_BETA_SPY = "clue.kl.beta.spy";
  public static final String CLUE_FIDELITY_WEIGHT = "clue.fidelity.weight";
  public static final String DECISION_KL_BETA = "decision.kl.beta";
  public static final String CLUE_TRAINABLE = "clue.trainable";
  public static final String DECISION_TRAINABLE = "decision.trainable";
  public static final String PHASE_CYCLE_LENGTH = "phase.cycle.length";
  public static final String PHASE_SCHEDULE = "phase.schedule";
  public static final String RAE_ENABLED = "rae.enabled";
  public static final String RAE_ALPHA = "rae.alpha";
  public static final String PHASE_DWELL_STEPS = "phase.dwell.steps";
  public static final String PHASE_PATIENCE_STEPS = "phase.patience.steps";
  public static final String BLOB_DIR = "blob.dir";
  public static final String BASE_CHECKPOINT = "base.checkpoint";
  public static final String MODEL_SEED = "model.seed";
  public static final String POLL_TIMEOUT_MS = "poll.timeout.ms";
  public static final String DEVICE = "device";
  public static final String KAFKA_PREFIX = "kafka.";

  /** Patience 0 turns the optional patience rule off. */
  public static final int PATIENCE_OFF = 0;
  /** Warm-up steps left at -1 come from the warm-up fraction. */
  public static final int FROM_FRACTION = -1;
  /** Left empty, a setting takes its value from the chosen mode. */
  public static final int FROM_MODE = -1;
  /** The spy's clue KL weight left at -1 is the civilians' ({@link #CLUE_KL_BETA}). */
  public static final double SAME_AS_CLUE_KL_BETA = -1;

  private static final ConfigDef DEFINITION = new ConfigDef()
      .define(BOOTSTRAP_SERVERS, Type.STRING, "localhost:9092", Importance.HIGH,
          "Kafka bootstrap servers of the cluster the trainer reads trajectories from.")
      .define(TOPIC_PREFIX, Type.STRING, TopicCatalog.DEFAULT_PREFIX, Importance.MEDIUM,
          "Prefix of every topic name.")
      .define(RUN_ID, Type.STRING, "run-1", new ConfigDef.NonEmptyString(), Importance.HIGH,
          "Training run id: key of vz.training, recorded on checkpoints; a trainer resumes its own run only.")
      .define(POLICY_NAME, Type.STRING, "vz", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
          "Name of the trained policy (key of vz.checkpoints).")
      .define(MODE, Type.STRING, "code", ValidString.in("code", "paper"), Importance.HIGH,
          "Rules and Iterative-SPO defaults: 'code' (authors' code: fixed cycle, alpha 0.9) or 'paper' (hysteresis, alpha 0.95).")
      .define(GAMES_PER_STEP, Type.INT, 8, Range.atLeast(1), Importance.HIGH,
          "Training games per optimizer step (the authors use 8).")
      .define(STALENESS_MAX_VERSIONS, Type.INT, 2, Range.atLeast(0), Importance.HIGH,
          "Largest policy-version lag of a sample that is still trained; older samples are dropped and counted.")
      .define(CHECKPOINT_INTERVAL_STEPS, Type.INT, 10, Range.atLeast(1), Importance.HIGH,
          "K: a checkpoint (and a new policy version) every K steps.")
      .define(TOTAL_STEPS, Type.LONG, 280L, Range.atLeast(1), Importance.HIGH,
          "Steps of the run; the learning-rate schedule spans them and the trainer stops after the last.")
      .define(LEARNING_RATE, Type.DOUBLE, 1e-4, Range.between(1e-12, 1.0), Importance.HIGH,
          "Peak AdamW learning rate (after warm-up).")
      .define(WARMUP_FRACTION, Type.DOUBLE, 0.1, Range.between(0.0, 1.0), Importance.MEDIUM,
          "Share of the steps spent warming the learning rate up linearly; cosine decay follows.")
      .define(WARMUP_STEPS, Type.INT, FROM_FRACTION, Range.atLeast(FROM_FRACTION), Importance.LOW,
          "Warm-up steps; -1 takes warmup.fraction of total.steps (set it for runs bounded by time, whose step "
              + "count is open).")
      .define(DECISION_LEARNING_RATE, Type.DOUBLE, 3e-3, Range.between(1e-12, 1.0), Importance.HIGH,
          "Peak AdamW learning rate of DECISION steps (learning.rate is that of CLUE steps). The decision head is "
              + "small and starts untrained, so it wants a far larger rate than the clue decoder.")
      .define(DECISION_ADVANTAGE, Type.STRING, "centered", ValidString.in("centered", "normalized"),
          Importance.HIGH,
          "Decision advantages: 'centered' (reward minus the game's mean) or 'normalized' (the scorer's, also "
              + "divided by the spread as in VISION-ZERO.md; a small model collapses to N/A with it).")
      .define(DECISION_UPDATES, Type.INT, 1, Range.between(1, 16), Importance.MEDIUM,
          "GRPO updates on the same decision samples per step (mu); the PPO clip keeps the later ones close. "
              + "Decision samples are the scarce data of a streaming run.")
      .define(DECISION_SKIP_REPEATING_SPY, Type.BOOLEAN, true, Importance.MEDIUM,
          "Leave out of DECISION steps the games whose spy only repeated, word for word, clues other seats gave. No "
              + "observer can find that spy from the images, so those votes are rewarded by luck; once the spy has "
              + "learnt to hide they are most games, and training on them pulls the decision stage away from the "
              + "images. Their clue samples are still trained.")
      .define(DECISION_SKIP_UNSOLVED, Type.BOOLEAN, true, Importance.MEDIUM,
          "Leave out of DECISION steps the games in which no vote named the spy. Their centred advantages only rank "
              + "abstaining above a wrong vote, so each pushes the observer towards N/A with nothing pushing back "
              + "(a 30-minute run collapsed to N/A this way); DAPO's dynamic sampling drops groups with no success "
              + "for the same reason. Their clue samples are still trained.")
      .define(CLUE_KL_BETA, Type.DOUBLE, GrpoLoss.KL_BETA, Range.between(0.0, 10.0), Importance.MEDIUM,
          "Beta of the KL term to v0 of civilians' clues in CLUE steps (VISION-ZERO.md: 0.04), and of the spy's "
              + "unless clue.kl.beta.spy is set; it keeps the clue language from drifting.")
      .define(CLUE_KL_BETA_SPY, Type.DOUBLE, SAME_AS_CLUE_KL_BETA, Importance.MEDIUM,
          "Beta of the KL term to v0 of the spy's clues in CLUE steps; -1 takes clue.kl.beta.")
      .define(CLUE_FIDELITY_WEIGHT, Type.DOUBLE, CivilianFidelity.DEFAULT_WEIGHT, Range.between(0.0, 10.0),
          Importance.MEDIUM,
          "Weight of the civilians' fidelity term in CLUE steps: a civilian's clue advantage gains weight x (f - mean "
              + "f), f being how true the listener (v0's frozen decoder) finds the clue of the civilian's own image "
              + "(geometric-mean token probability, 0..1). 0 turns it off.")
      .define(DECISION_KL_BETA, Type.DOUBLE, 0.0, Range.between(0.0, 10.0), Importance.MEDIUM,
          "Beta of the KL term to v0 in DECISION steps; 0 by default because v0's decision head is untrained, so "
              + "the anchor would only pull votes back towards random ones.")
      .define(CLUE_TRAINABLE, Type.LIST, ParameterSet.ECHO_LOGITS, Importance.MEDIUM,
          "Parameter-name prefixes trained in CLUE steps (encoder., decoder., decision., or a name within one). "
              + "The default, decoder.echo, trains only when each role echoes (a frozen speaker). decoder. trains the "
              + "speaker, the whole clue decoder with its echo logits; the decision head's clue fit then reads a "
              + "frozen copy of v0's decoder (the listener), so it stays put. Not the default yet: in 4-minute runs "
              + "it moved most decoder weights but no clue win rate beyond its interval, and each CLUE step cost "
              + "2.2 times as much (trainer/README.md).")
      .define(DECISION_TRAINABLE, Type.LIST, "decision.", Importance.MEDIUM,
          "Parameter-name prefixes trained in DECISION steps.")
      .define(PHASE_SCHEDULE, Type.STRING, "",
          ValidString.in("", "fixed-cycle", "hysteresis", "clue-only", "decision-only"), Importance.MEDIUM,
          "Iterative-SPO controller; empty takes the mode's (code: fixed-cycle, paper: hysteresis). clue-only and "
              + "decision-only are the single-stage ablations: every step trains that stage.")
      .define(RAE_ENABLED, Type.BOOLEAN, true, Importance.MEDIUM,
          "Role-advantage estimation: clue advantages subtract a per-role baseline (VISION-ZERO.md section 2). "
              + "false is the ablation without RAE: the advantage is the raw clue reward.")
      .define(RAE_ALPHA, Type.DOUBLE, (double) FROM_MODE, Importance.LOW,
          "alpha of the RAE baselines, b <- alpha*b + (1-alpha)*mean, in [0, 1); -1 takes the mode's (code 0.9, "
              + "paper 0.95).")
      .define(PHASE_CYCLE_LENGTH, Type.INT, FROM_MODE, Importance.MEDIUM,
          "L of the fixed cycle (L decision steps, then L clue steps); -1 takes the mode's (1).")
      .define(PHASE_DWELL_STEPS, Type.INT, FROM_MODE, Importance.LOW,
          "Hysteresis: steps a phase lasts at least; -1 takes the mode's (5).")
      .define(PHASE_PATIENCE_STEPS, Type.INT, PATIENCE_OFF, Range.atLeast(0), Importance.LOW,
          "Hysteresis: leave a phase after this many steps whatever the EMAs say; 0 turns patience off.")
      .define(BLOB_DIR, Type.STRING, "vz-data/blobs", new ConfigDef.NonEmptyString(), Importance.HIGH,
          "Directory of the blob store (images and checkpoints); shared by every component.")
      .define(BASE_CHECKPOINT, Type.STRING, "", Importance.HIGH,
          "Checkpoint file of the starting model v0 (also the frozen KL reference); empty starts from a seeded random model.")
      .define(MODEL_SEED, Type.LONG, 7L, Importance.LOW,
          "Seed of the random model when no base checkpoint is given.")
      .define(POLL_TIMEOUT_MS, Type.LONG, 500L, Range.atLeast(1), Importance.LOW,
          "Longest wait for trajectories in one poll.")
      .define(DEVICE, Type.STRING, "auto", ValidString.in("auto", "cpu", "gpu"), Importance.LOW,
          "Where the model trains: auto (a GPU when DJL finds one), cpu or gpu.");

  public TrainerConfig(Map<?, ?> values) {
    super(DEFINITION, values);
    validateTogether();
  }

  public static ConfigDef definition() {
    return DEFINITION;
  }

  private void validateTogether() {
    if (getInt(PHASE_CYCLE_LENGTH) != FROM_MODE && getInt(PHASE_CYCLE_LENGTH) < 1) {
      throw new ConfigException(PHASE_CYCLE_LENGTH, getInt(PHASE_CYCLE_LENGTH), "must be >= 1 (or -1 for the mode's)");
    }
    if (getDouble(CLUE_KL_BETA_SPY) != SAME_AS_CLUE_KL_BETA && !(getDouble(CLUE_KL_BETA_SPY) >= 0
        && getDouble(CLUE_KL_BETA_SPY) <= 10)) {
      throw new ConfigException(CLUE_KL_BETA_SPY, getDouble(CLUE_KL_BETA_SPY), "must be in [0, 10] (or -1 for "
          + CLUE_KL_BETA + ")");
    }
    if (getInt(PHASE_DWELL_STEPS) != FROM_MODE && getInt(PHASE_DWELL_STEPS) < 0) {
      throw new ConfigException(PHASE_DWELL_STEPS, getInt(PHASE_DWELL_STEPS), "must be >= 0 (or -1 for the mode's)");
    }
    rules();
    schedule();
    try {
      trainable();
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
  }

  /** The game rules with this run's Iterative-SPO settings applied. */
  public GameConfig rules() {
    GameConfig.Builder builder = GameConfig.forMode(GameConfig.Mode.fromWireName(getString(MODE))).toBuilder();
    String schedule = getString(PHASE_SCHEDULE);
    if (!schedule.isEmpty()) {
      builder.phaseSchedule(GameConfig.PhaseSchedule.fromSettingName(schedule));
    }
    builder.raeEnabled(getBoolean(RAE_ENABLED));
    if (getDouble(RAE_ALPHA) != FROM_MODE) {
      builder.raeAlpha(getDouble(RAE_ALPHA));
    }
    if (getInt(PHASE_CYCLE_LENGTH) != FROM_MODE) {
      builder.cycleLength(getInt(PHASE_CYCLE_LENGTH));
    }
    if (getInt(PHASE_DWELL_STEPS) != FROM_MODE) {
      builder.dwellSteps(getInt(PHASE_DWELL_STEPS));
    }
    if (getInt(PHASE_PATIENCE_STEPS) != PATIENCE_OFF) {
      builder.patienceEnabled(true).patienceSteps(getInt(PHASE_PATIENCE_STEPS));
    }
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw new ConfigException("invalid game rules for this trainer: " + e.getMessage());
    }
  }

  /** Warm-up then cosine decay over the run's steps. */
  public LearningRateSchedule schedule() {
    long total = getLong(TOTAL_STEPS);
    int warmup = getInt(WARMUP_STEPS) == FROM_FRACTION
        ? (int) Math.round(total * getDouble(WARMUP_FRACTION)) : (int) Math.min(total, getInt(WARMUP_STEPS));
    return new LearningRateSchedule(getDouble(LEARNING_RATE), getDouble(DECISION_LEARNING_RATE), warmup, total);
  }

  /** How decision rewards become advantages. */
  public DecisionAdvantage decisionAdvantage() {
    return DecisionAdvantage.fromConfigName(getString(DECISION_ADVANTAGE));
  }

  /** Which games' decisions DECISION steps train. */
  public DecisionGames decisionGames() {
    return new DecisionGames(getBoolean(DECISION_SKIP_REPEATING_SPY), getBoolean(DECISION_SKIP_UNSOLVED));
  }

  /** How a step uses its batch. */
  public StepOptions stepOptions() {
    return new StepOptions(decisionAdvantage(), getInt(DECISION_UPDATES), decisionGames(), rules().raeEnabled());
  }

  /** β of the KL term to v0, per speaker role and for decisions. */
  public KlAnchor klAnchor() {
    double spy = getDouble(CLUE_KL_BETA_SPY) == SAME_AS_CLUE_KL_BETA ? getDouble(CLUE_KL_BETA) : getDouble(CLUE_KL_BETA_SPY);
    return new KlAnchor(getDouble(CLUE_KL_BETA), spy, getDouble(DECISION_KL_BETA));
  }

  /** The civilians' fidelity term of CLUE steps. */
  public CivilianFidelity civilianFidelity() {
    return new CivilianFidelity(getDouble(CLUE_FIDELITY_WEIGHT));
  }

  /** Which parameters each phase trains. */
  public TrainableParameters trainable() {
    return new TrainableParameters(getList(CLUE_TRAINABLE), getList(DECISION_TRAINABLE));
  }

  public TopicCatalog topics() {
    return TopicCatalog.of(getString(TOPIC_PREFIX));
  }

  public String runId() {
    return getString(RUN_ID);
  }

  public String policyName() {
    return getString(POLICY_NAME);
  }

  public int gamesPerStep() {
    return getInt(GAMES_PER_STEP);
  }

  public int stalenessBound() {
    return getInt(STALENESS_MAX_VERSIONS);
  }

  public int checkpointEvery() {
    return getInt(CHECKPOINT_INTERVAL_STEPS);
  }

  public long totalSteps() {
    return getLong(TOTAL_STEPS);
  }

  public Path blobDir() {
    return Path.of(getString(BLOB_DIR));
  }

  /** The base checkpoint file, or null for a seeded random model. */
  public Path baseCheckpoint() {
    String path = getString(BASE_CHECKPOINT);
    return path.isBlank() ? null : Path.of(path);
  }

  public long modelSeed() {
    return getLong(MODEL_SEED);
  }

  public Duration pollTimeout() {
    return Duration.ofMillis(getLong(POLL_TIMEOUT_MS));
  }

  public String device() {
    return getString(DEVICE);
  }

  public String bootstrapServers() {
    return getString(BOOTSTRAP_SERVERS);
  }

  /** Extra Kafka client settings given as {@code kafka.<client setting>}. */
  public Map<String, Object> kafkaOverrides() {
    return originalsWithPrefix(KAFKA_PREFIX);
  }
}
