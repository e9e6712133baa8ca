package org.visionzero.trainer.sample;

import java.util.List;
import java.util.Objects;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.Role;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.events.TurnKind;

/**
 * One sampled completion that may enter the loss, with the advantage it is trained with.
 *
 * @param kind             CLUE or DECISION
 * @param game             the trajectory it belongs to (the turn's inputs are rebuilt from it)
 * @param seat             the speaker's seat for a clue; the voter seat (0 = observer) for a decision
 * @param round            the clue round (1-based); 0 for a decision
 * @param sampleIndex      index among the voter's decision samples; 0 for a clue
 * @param role             role of the acting seat
 * @param tokenIds         the sampled tokens
 * @param behaviourLogProbs log-probability of each token under the behaviour policy
 * @param advantage        RAE advantage (clue) or group-normalised advantage (decision)
 * @param behaviour        the policy version that sampled it
 */
public record TrainingSample(
    TurnKind kind,
    ScoredTrajectory game,
    int seat,
    int round,
    int sampleIndex,
    Role role,
    List<Integer> tokenIds,
    float[] behaviourLogProbs,
    double advantage,
    PolicyRef behaviour) {

  public TrainingSample {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(game, "game");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(behaviour, "behaviour");
    tokenIds = List.copyOf(tokenIds);
    behaviourLogProbs = behaviourLogProbs.clone();
    if (tokenIds.size() != behaviourLogProbs.length) {
      throw new IllegalArgumentException("sample of game " + game.getGameId() + ": " + tokenIds.size()
          + " tokens but " + behaviourLogProbs.length + " log-probs");
    }
    if (!Double.isFinite(advantage)) {
      throw new IllegalArgumentException("sample of game " + game.getGameId() + ": advantage must be finite, was "
          + advantage);
    }
  }

  @Override
  public float[] behaviourLogProbs() {
    return behaviourLogProbs.clone();
  }

  /** Version lag of this sample behind a trainer at {@code trainerVersion}. */
  public int lagBehind(int trainerVersion) {
    return trainerVersion - behaviour.getVersion();
  }

  /** A readable id, e.g. {@code g1/clue/2/1} or {@code g1/decision/0/5}. */
  public String id() {
    return kind == TurnKind.CLUE
        ? game.getGameId() + "/clue/" + seat + "/" + round
        : game.getGameId() + "/decision/" + seat + "/" + sampleIndex;
  }
}
