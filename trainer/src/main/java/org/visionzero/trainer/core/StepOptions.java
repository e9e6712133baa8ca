package org.visionzero.trainer.core;

import java.util.Objects;
import org.visionzero.game.outcome.DecisionGames;
import org.visionzero.game.reward.DecisionAdvantage;

/**
 * How one trainer step uses its batch.
 *
 * @param decisionAdvantage how decision rewards become advantages
 * @param decisionUpdates   GRPO updates taken on the same decision samples (μ of the GRPO paper); the PPO clip on
 *                          the ratio to the behaviour log-probs keeps the later ones close. Decision samples are the
 *                          scarce data of a streaming run (one decision turn per nine turns played).
 * @param decisionGames     which games' decisions DECISION steps train: a repeating spy's and unsolved games may be
 *                          left out ({@link DecisionGames})
 * @param roleAdvantage     clue advantages subtract the role baselines (RAE, the rules' {@code raeEnabled}); off,
 *                          they are the raw clue rewards
 */
public record StepOptions(DecisionAdvantage decisionAdvantage, int decisionUpdates, DecisionGames decisionGames,
    boolean roleAdvantage) {

  public StepOptions {
    Objects.requireNonNull(decisionAdvantage, "decisionAdvantage");
    Objects.requireNonNull(decisionGames, "decisionGames");
    if (decisionUpdates < 1) {
      throw new IllegalArgumentException("decision updates per batch must be >= 1, was " + decisionUpdates);
    }
  }

  /** Centred advantages, one update per batch, games of a repeating spy and unsolved games left out, RAE on. */
  public static StepOptions defaults() {
    return new StepOptions(DecisionAdvantage.CENTERED, 1, DecisionGames.defaults(), true);
  }
}
