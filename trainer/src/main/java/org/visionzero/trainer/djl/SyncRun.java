package org.visionzero.trainer.djl;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.visionzero.policy.model.VzModel;
import org.visionzero.trainer.TrainerConfig;
import org.visionzero.trainer.sync.MemoryPairImages;
import org.visionzero.trainer.sync.SyncLoop;
import org.visionzero.trainer.sync.SyncPairs;
import org.visionzero.trainer.sync.SyncResult;
import org.visionzero.trainer.sync.SyncSettings;

/**
 * {@code vz run --sync --steps N}: the synchronous baseline on the DJL model, with the trainer's settings
 * (games per step, K, mode, phase controller, learning rate, base checkpoint). Pairs come from the caller
 * (the producers' scene renderer in {@code vz}).
 */
public final class SyncRun {
  /** Held-out games of the decision-accuracy evaluation. */
  public static final int HELD_OUT_GAMES = 64;
  /**
   * Held-out games of each periodic evaluation (and as many with a blank image): 128 decision samples, a 95 %
   * interval of about ±0.08, at a cost of 40 % of the training games at K = 10 and 8 games per step.
   */
  public static final int PERIODIC_EVAL_GAMES = 16;
  /** Games against v0: 50 as civilians, 50 as spy (VISION-ZERO.md section 6). */
  public static final int WIN_RATE_GAMES = 100;

  private SyncRun() {}

  /**
   * How often the run evaluates on held-out pairs while it trains, and when it stops early.
   *
   * @param evalEvery    steps between periodic evaluations; 0: the checkpoint interval K
   * @param evalGames    held-out games of each periodic evaluation; 0: {@link #PERIODIC_EVAL_GAMES}
   * @param evalInterval when positive, an evaluation after every such interval of the run's clock instead, its
   *                     time counted in that clock ({@link SyncSettings#evalInterval()})
   * @param timeLimit    stop once the run's clock reaches it; empty: run every step
   */
  public record Progress(int evalEvery, int evalGames, Duration evalInterval, Optional<Duration> timeLimit) {
    /** An evaluation every K steps on {@link #PERIODIC_EVAL_GAMES} games, no time limit. */
    public static final Progress DEFAULTS = new Progress(0, 0, Optional.empty());

    /** Evaluations every {@code evalEvery} steps, kept out of the clock. */
    public Progress(int evalEvery, int evalGames, Optional<Duration> timeLimit) {
      this(evalEvery, evalGames, Duration.ZERO, timeLimit);
    }

    public Progress {
      Objects.requireNonNull(timeLimit, "timeLimit");
      Objects.requireNonNull(evalInterval, "evalInterval");
      if (evalEvery < 0 || evalGames < 0) {
        throw new IllegalArgumentException("evaluation interval and games must be >= 0 (0: the default), were "
            + evalEvery + " and " + evalGames);
      }
    }
  }

  public static SyncResult run(TrainerConfig config, long steps, SyncPairs pairs) throws IOException {
    return run(config, steps, pairs, Progress.DEFAULTS);
  }

  public static SyncResult run(TrainerConfig config, long steps, SyncPairs pairs, Progress progress)
      throws IOException {
    Objects.requireNonNull(pairs, "pairs");
    Objects.requireNonNull(progress, "progress");
    // The in-JVM model labels its samples with its own name, whatever the run calls its policy. The schedule,
    // decision advantages and trainable parts are the streaming trainer's (TrainerConfig), so both train alike.
    SyncSettings settings = new SyncSettings(config.runId(), VzModel.POLICY_NAME, config.rules(),
        config.gamesPerStep(), config.checkpointEvery(), steps, config.schedule(), config.modelSeed(),
        HELD_OUT_GAMES, WIN_RATE_GAMES)
        .withEvaluation(progress.evalEvery() > 0 ? progress.evalEvery() : config.checkpointEvery(),
            progress.evalGames() > 0 ? progress.evalGames() : PERIODIC_EVAL_GAMES)
        .withEvalInterval(progress.evalInterval())
        .withTimeLimit(progress.timeLimit())
        .withStepOptions(config.stepOptions());
    MemoryPairImages inFlight = new MemoryPairImages();
    try (DjlSyncModel model = DjlSyncModel.create(config.rules(), config.baseCheckpoint(), config.modelSeed(),
        config.device(), inFlight, config.trainable(), config.klAnchor(), config.civilianFidelity())) {
      return new SyncLoop(settings, model, pairs, inFlight).run();
    }
  }
}
