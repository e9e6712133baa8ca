package org.visionzero.trainer.step;

import org.visionzero.events.Phase;
import org.visionzero.policy.train.GrpoLoss;

/**
 * β of the k3 KL term to the frozen reference (v0), per Iterative-SPO phase. VISION-ZERO.md uses 0.04 for both;
 * here v0's decision head is untrained (pretraining teaches captions only), so anchoring the observer to it
 * pulls every vote back towards a random one, and on a sample the current policy has moved away from (a stale
 * sample's p small, v0's not) the k3 gradient is large and pushes that vote back up.
 *
 * @param clue     β of CLUE steps
 * @param decision β of DECISION steps
 */
public record KlAnchor(double clue, double decision) {
  public KlAnchor {
    if (!(clue >= 0) || !(decision >= 0) || Double.isInfinite(clue) || Double.isInfinite(decision)) {
      throw new IllegalArgumentException("KL betas must be finite and >= 0, were " + clue + " and " + decision);
    }
  }

  /** The paper's β ({@link GrpoLoss#KL_BETA}) for clues, none for the untrained decision head. */
  public static KlAnchor defaults() {
    return new KlAnchor(GrpoLoss.KL_BETA, 0.0);
  }

  /** β of {@code phase}'s steps. */
  public double beta(Phase phase) {
    return phase == Phase.DECISION ? decision : clue;
  }
}
