package org.visionzero.trainer.sync;

import java.util.Objects;
import org.visionzero.game.config.GameConfig;
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
    int winRateGames) {

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
  }
}
