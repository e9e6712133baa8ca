package org.visionzero.ops.scale;

import java.util.List;
import java.util.Objects;
import org.visionzero.events.PolicyRef;
import org.visionzero.policy.ClueAnswer;
import org.visionzero.policy.DecisionAnswer;
import org.visionzero.policy.Policy;
import org.visionzero.policy.PolicyTurn;

/**
 * A policy whose batches take the time of a simulated GPU: the answers are the scripted policy's (free), the
 * time is the {@link GpuLatencyModel}'s, spent on the calling worker's {@link SimulatedGpus}.
 */
final class SimulatedGpuPolicy implements Policy {
  private final Policy answers;
  private final SimulatedGpus gpus;

  SimulatedGpuPolicy(Policy answers, SimulatedGpus gpus) {
    this.answers = Objects.requireNonNull(answers, "answers");
    this.gpus = Objects.requireNonNull(gpus, "gpus");
  }

  @Override
  public PolicyRef ref() {
    return answers.ref();
  }

  @Override
  public List<ClueAnswer> clues(List<PolicyTurn> turns) {
    gpus.clues(turns);
    return answers.clues(turns);
  }

  @Override
  public List<DecisionAnswer> decisions(List<PolicyTurn> turns) {
    // every decision turn of a game configuration draws the same number of votes
    gpus.decisions(turns, turns.isEmpty() ? 1 : turns.get(0).view().samples());
    return answers.decisions(turns);
  }

  @Override
  public void close() {
    answers.close();
  }
}
