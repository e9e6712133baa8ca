package org.visionzero.ops.progress;

import java.time.Duration;
import java.util.Optional;
import org.visionzero.events.TrainingStepCompleted;

/**
 * What the progress line shows at one moment.
 *
 * @param gamesCompleted games completed so far (all purposes), as counted by the coordinator
 * @param turnsAnswered  turns answered so far by the workers
 * @param lastStep       the trainer's latest step, if any
 * @param lag            records waiting for the workers and the trainer (turn requests + trajectories)
 */
public record ProgressSample(Duration elapsed, double gamesCompleted, double turnsAnswered, int policyVersion,
    Optional<TrainingStepCompleted> lastStep, long lag, long evaluationGames) {
}
