package org.visionzero.trainer.step;

import org.visionzero.events.Role;
import org.visionzero.policy.train.GrpoLoss;

/**
 * β of the k3 KL term to the frozen reference (v0): per speaker role for clue samples, and for decision samples.
 * VISION-ZERO.md uses 0.04 for both stages. Clues are anchored per role, so that the spy, who gains most by
 * changing how it speaks, can be held to v0's language by its own weight. Here v0's decision head is untrained
 * (pretraining teaches captions only), so anchoring the observer to it pulls every vote back towards a random one,
 * and on a sample the current policy has moved away from (a stale sample's p small, v0's not) the k3 gradient is
 * large and pushes that vote back up.
 *
 * @param civilianClue β of civilians' clue samples
 * @param spyClue      β of the spy's clue samples
 * @param decision     β of decision samples
 */
public record KlAnchor(double civilianClue, double spyClue, double decision) {
  public KlAnchor {
    requireBeta(civilianClue);
    requireBeta(spyClue);
    requireBeta(decision);
  }

  /** One β for every clue sample. */
  public KlAnchor(double clue, double decision) {
    this(clue, clue, decision);
  }

  /** The paper's β ({@link GrpoLoss#KL_BETA}) for clues of both roles, none for the untrained decision head. */
  public static KlAnchor defaults() {
    return new KlAnchor(GrpoLoss.KL_BETA, 0.0);
  }

  /** β of a clue sample whose speaker had {@code role}. */
  public double clue(Role role) {
    return role == Role.SPY ? spyClue : civilianClue;
  }

  private static void requireBeta(double beta) {
    if (!(beta >= 0) || Double.isInfinite(beta)) {
      throw new IllegalArgumentException("KL betas must be finite and >= 0, was " + beta);
    }
  }
}
