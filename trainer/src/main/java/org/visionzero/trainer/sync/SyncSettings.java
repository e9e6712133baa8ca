package org.visionzero.trainer.sync;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.visionzero.game.config.GameConfig;
import org.visionzero.trainer.core.StepOptions;
import org.visionzero.trainer.step.LearningRateSchedule;

/**
 * Settings of {@code vz run --sync}.
 *
 * @param runId           run id (recorded in the result)
 * @param policyName      the trained policy's name
 * @param rules           game rules (RAE decay, phase controller)
 * @param gamesPerStep    games per optimizer step
 * @param checkpointEvery K: the policy version advances every K steps
 * @param steps           optimizer steps
 * @param schedule        learning-rate schedule
 * @param seed            seed of the run's training pairs and games
 * @param heldOutGames    games of the held-out decision-accuracy evaluation
 * @param winRateGames    games against v0, half as civilians and half as spy
 * @param evalEvery       a held-out evaluation point every this many steps (and at step 0 and the last step);
 *                        their time is kept out of the run's clock
 * @param evalGames       held-out games of each periodic evaluation (and as many with a blank image)
 * @param evalInterval    when positive, instead of {@code evalEvery}: an evaluation point at the first step
 *                        boundary after every such interval of the run's clock, and their time is counted in
 *                        that clock (as a streaming evaluator beside training is: {@code vz bench learning})
 * @param timeLimit       stop after the step during which the run's clock reached this; empty: run all the
 *                        steps
 * @param stepOptions       how a step uses its batch (as the streaming trainer's setting)
 */
public record SyncSettings(
    String runId,
    String policyName,
    GameConfig rules,
    int gamesPerStep,
    int checkpointEvery,
    long steps,
    LearningRateSchedule schedule,
    long seed,
    int heldOutGames,
    int winRateGames,
    int evalEvery,
    int evalGames,
    Duration evalInterval,
    Optional<Duration> timeLimit,
    StepOptions stepOptions) {

  /**
   * Settings with a periodic evaluation every K steps on {@code heldOutGames} games, no time limit and centred
   * decision advantages.
   */
  public SyncSettings(String runId, String policyName, GameConfig rules, int gamesPerStep, int checkpointEvery,
      long steps, LearningRateSchedule schedule, long seed, int heldOutGames, int winRateGames) {
    this(runId, policyName, rules, gamesPerStep, checkpointEvery, steps, schedule, seed, heldOutGames,
        winRateGames, checkpointEvery, heldOutGames, Duration.ZERO, Optional.empty(), StepOptions.defaults());
  }

  public SyncSettings {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(policyName, "policyName");
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(schedule, "schedule");
    if (gamesPerStep < 1 || checkpointEvery < 1 || steps < 0) {
      throw new IllegalArgumentException("games per step and K must be >= 1 and steps >= 0, were " + gamesPerStep
          + ", " + checkpointEvery + ", " + steps);
    }
    if (heldOutGames < 1 || winRateGames < 2 || winRateGames % 2 != 0) {
      throw new IllegalArgumentException("need >= 1 held-out game and an even number >= 2 of win-rate games, were "
          + heldOutGames + " and " + winRateGames);
    }
    Objects.requireNonNull(timeLimit, "timeLimit");
    Objects.requireNonNull(stepOptions, "stepOptions");
    if (evalEvery < 1 || evalGames < 1) {
      throw new IllegalArgumentException("the periodic evaluation needs every >= 1 step and >= 1 game, were "
          + evalEvery + " and " + evalGames);
    }
    Objects.requireNonNull(evalInterval, "evalInterval");
    if (evalInterval.isNegative()) {
      throw new IllegalArgumentException("the evaluation interval must not be negative, was " + evalInterval);
    }
    if (timeLimit.isPresent() && (timeLimit.get().isNegative() || timeLimit.get().isZero())) {
      throw new IllegalArgumentException("a time limit must be positive, was " + timeLimit.get());
    }
  }

  /** The same settings with a periodic evaluation every {@code every} steps on {@code games} held-out games. */
  public SyncSettings withEvaluation(int every, int games) {
    return new SyncSettings(runId, policyName, rules, gamesPerStep, checkpointEvery, steps, schedule, seed,
        heldOutGames, winRateGames, every, games, evalInterval, timeLimit, stepOptions);
  }

  /**
   * The same settings evaluating at the first step boundary after every {@code interval} of the run's clock, that
   * time counted in the clock; zero: every {@code evalEvery} steps, kept out of the clock.
   */
  public SyncSettings withEvalInterval(Duration interval) {
    return new SyncSettings(runId, policyName, rules, gamesPerStep, checkpointEvery, steps, schedule, seed,
        heldOutGames, winRateGames, evalEvery, evalGames, interval, timeLimit, stepOptions);
  }

  /** The same settings stopping once the run's clock reaches {@code limit}. */
  public SyncSettings withTimeLimit(Optional<Duration> limit) {
    return new SyncSettings(runId, policyName, rules, gamesPerStep, checkpointEvery, steps, schedule, seed,
        heldOutGames, winRateGames, evalEvery, evalGames, evalInterval, limit, stepOptions);
  }

  /** The same settings with another way of using each batch. */
  public SyncSettings withStepOptions(StepOptions options) {
    return new SyncSettings(runId, policyName, rules, gamesPerStep, checkpointEvery, steps, schedule, seed,
        heldOutGames, winRateGames, evalEvery, evalGames, evalInterval, timeLimit, options);
  }
}
