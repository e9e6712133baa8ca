package org.visionzero.trainer.sync;

import java.util.Objects;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.Purpose;
import org.visionzero.trainer.inputs.PairPictures;

/**
 * One game to play in process.
 *
 * @param gameId             the game id
 * @param seed               the game seed (spy seat, sampling)
 * @param pairId             the pair's id
 * @param pictures           the pair's images
 * @param purpose            TRAINING or EVALUATION
 * @param civilianPolicy     who plays the civilian seats
 * @param spyPolicy          who plays the spy seat
 * @param decisionPolicy     who plays the decision stage (the referee)
 * @param blankDecisionImage the no-image control
 */
public record GameSetup(
    String gameId,
    long seed,
    String pairId,
    PairPictures pictures,
    Purpose purpose,
    PolicyRef civilianPolicy,
    PolicyRef spyPolicy,
    PolicyRef decisionPolicy,
    boolean blankDecisionImage) {

  public GameSetup {
    Objects.requireNonNull(gameId, "gameId");
    Objects.requireNonNull(pairId, "pairId");
    Objects.requireNonNull(pictures, "pictures");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(civilianPolicy, "civilianPolicy");
    Objects.requireNonNull(spyPolicy, "spyPolicy");
    Objects.requireNonNull(decisionPolicy, "decisionPolicy");
  }

  /** A training game: every seat and the referee played by {@code policy}. */
  public static GameSetup training(String gameId, long seed, String pairId, PairPictures pictures,
      PolicyRef policy) {
    return new GameSetup(gameId, seed, pairId, pictures, Purpose.TRAINING, policy, policy, policy, false);
  }
}
