package org.visionzero.trainer.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.visionzero.events.PhaseChanged;
import org.visionzero.events.TrainingStepCompleted;
import org.visionzero.trainer.state.TrainerState;

/**
 * The result of one step: the trainer state after it, the events it must publish, and whether a checkpoint
 * is due now.
 *
 * @param state          the state after the step (before any checkpoint of it is written)
 * @param completed      the step's {@code TrainingStepCompleted}
 * @param phaseChanged   the switch after this step, if any
 * @param checkpointDue  true when this step ends a checkpoint interval
 * @param gameIds        the games of the step's batch
 */
public record StepReport(
    TrainerState state,
    TrainingStepCompleted completed,
    Optional<PhaseChanged> phaseChanged,
    boolean checkpointDue,
    List<String> gameIds) {

  public StepReport {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(completed, "completed");
    Objects.requireNonNull(phaseChanged, "phaseChanged");
    gameIds = List.copyOf(gameIds);
  }
}
