package org.visionzero.trainer.loop;

import java.time.Duration;
import java.util.Objects;
import org.visionzero.game.config.GameConfig;
import org.visionzero.trainer.core.StepOptions;
import org.visionzero.trainer.step.LearningRateSchedule;

/**
 * What the streaming trainer needs besides its clients.
 *
 * @param runId           training run id (key of vz.training, recorded on checkpoints)
 * @param policyName      the trained policy's name (key of vz.checkpoints)
 * @param rules           game rules: RAE decay and the phase controller come from them
 * @param gamesPerStep    training games per optimizer step
 * @param stalenessBound  largest version lag still trained
 * @param checkpointEvery K, steps between checkpoints
 * @param totalSteps      steps after which the trainer writes its final checkpoint and stops
 * @param schedule        learning-rate schedule
 * @param pollTimeout     longest wait for new trajectories in one poll
 * @param stepOptions     how a step uses its batch (decision advantages, updates per batch)
 */
public record StreamingSettings(
    String runId,
    String policyName,
    GameConfig rules,
    int gamesPerStep,
    int stalenessBound,
    int checkpointEvery,
    long totalSteps,
    LearningRateSchedule schedule,
    Duration pollTimeout,
    StepOptions stepOptions) {

  /** With centred decision advantages and one update per batch. */
  public StreamingSettings(String runId, String policyName, GameConfig rules, int gamesPerStep, int stalenessBound,
      int checkpointEvery, long totalSteps, LearningRateSchedule schedule, Duration pollTimeout) {
    this(runId, policyName, rules, gamesPerStep, stalenessBound, checkpointEvery, totalSteps, schedule, pollTimeout,
        StepOptions.defaults());
  }

  public StreamingSettings {
    Objects.requireNonNull(stepOptions, "stepOptions");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(policyName, "policyName");
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(pollTimeout, "pollTimeout");
    if (runId.isBlank() || policyName.isBlank()) {
      throw new IllegalArgumentException("run id and policy name must not be blank");
    }
    if (totalSteps < 1) {
      throw new IllegalArgumentException("total steps must be >= 1, was " + totalSteps);
    }
  }
}
