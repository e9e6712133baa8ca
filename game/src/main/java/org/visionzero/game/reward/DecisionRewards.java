package org.visionzero.game.reward;

import java.util.Objects;
import org.visionzero.events.DecisionSample;
import org.visionzero.events.VoteKind;
import org.visionzero.game.config.GameConfig.DecisionRewardShape;

/**
 * The verifiable decision reward (VISION-ZERO.md section 2). Accuracy term a: correct +1, N/A −0.5, wrong or
 * unparseable −1; code shape {@code 0.3·(2f−1) + 1.2·a + 0.99·[a > 0]}, paper shape {@code r = a}.
 */
public final class DecisionRewards {
  /** a for a vote naming the spy. */
  public static final double ACCURACY_CORRECT = 1.0;
  /** a for an abstention (N/A). */
  public static final double ACCURACY_ABSTAIN = -0.5;
  /** a for a wrong, out-of-range or unparseable vote. */
  public static final double ACCURACY_WRONG = -1.0;
  /** Code shape: weight of the format term {@code 2f − 1}. */
  public static final double CODE_FORMAT_WEIGHT = 0.3;
  /** Code shape: weight of the accuracy term. */
  public static final double CODE_ACCURACY_WEIGHT = 1.2;
  /** Code shape: bonus for a correct vote. */
  public static final double CODE_CORRECT_BONUS = 0.99;

  private DecisionRewards() {}

  /** The accuracy term a of one sample; a seat outside 1..N is wrong. */
  public static double accuracy(DecisionSample sample, int spySeat, int numPlayers) {
    if (sample.getVoteKind() == VoteKind.ABSTAIN) {
      return ACCURACY_ABSTAIN;
    }
    return isCorrect(sample, spySeat, numPlayers) ? ACCURACY_CORRECT : ACCURACY_WRONG;
  }

  /** Whether the sample names the true spy with an in-range seat. */
  public static boolean isCorrect(DecisionSample sample, int spySeat, int numPlayers) {
    int voted = sample.getVotedSeat();
    return sample.getVoteKind() == VoteKind.SEAT && voted >= 1 && voted <= numPlayers && voted == spySeat;
  }

  /** The reward of a sample under a shape, using its format flag. */
  public static double reward(DecisionRewardShape shape, DecisionSample sample, int spySeat, int numPlayers) {
    return reward(shape, accuracy(sample, spySeat, numPlayers), sample.getFormatOk());
  }

  /** The reward for an accuracy term a and a format flag f. */
  public static double reward(DecisionRewardShape shape, double accuracy, boolean formatOk) {
    Objects.requireNonNull(shape, "shape");
    if (shape == DecisionRewardShape.PAPER) {
      return accuracy;
    }
    double format = formatOk ? 1.0 : -1.0;
    double correctBonus = accuracy > 0 ? CODE_CORRECT_BONUS : 0.0;
    return CODE_FORMAT_WEIGHT * format + CODE_ACCURACY_WEIGHT * accuracy + correctBonus;
  }
}
