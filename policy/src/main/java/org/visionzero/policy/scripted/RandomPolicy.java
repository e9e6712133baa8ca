package org.visionzero.policy.scripted;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.TurnKind;
import org.visionzero.policy.ClueAnswer;
import org.visionzero.policy.DecisionAnswer;
import org.visionzero.policy.Policy;
import org.visionzero.policy.PolicyTurn;
import org.visionzero.policy.Vocabulary;
import org.visionzero.policy.Vote;

/**
 * The chance baseline: clues of random "colour shape" pairs, votes uniform over the seats other than the
 * voter's own. Log-probs are the true probabilities of these choices, so its samples are valid GRPO input.
 */
public final class RandomPolicy implements Policy {
  public static final String NAME = "random";
  /** Number of "colour shape" pairs in a random clue. */
  static final int CLUE_PAIRS = 2;

  private final Vocabulary vocabulary;
  private final PolicyRef ref = new PolicyRef(NAME, 0);

  public RandomPolicy(Vocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  @Override
  public PolicyRef ref() {
    return PolicyRef.newBuilder(ref).build();
  }

  @Override
  public List<ClueAnswer> clues(List<PolicyTurn> turns) {
    float colorLogProb = (float) -Math.log(Vocabulary.COLORS.size());
    float shapeLogProb = (float) -Math.log(Vocabulary.SHAPES.size());
    return ScriptedTurns.answerEach(turns, TurnKind.CLUE, (turn, view) -> {
      SplittableRandom random = new SplittableRandom(view.samplingSeed());
      List<Integer> tokens = new ArrayList<>();
      float[] lps = new float[2 * CLUE_PAIRS + 1];
      for (int p = 0; p < CLUE_PAIRS; p++) {
        tokens.add(vocabulary.id(Vocabulary.COLORS.get(random.nextInt(Vocabulary.COLORS.size()))));
        lps[2 * p] = colorLogProb;
        tokens.add(vocabulary.id(Vocabulary.SHAPES.get(random.nextInt(Vocabulary.SHAPES.size()))));
        lps[2 * p + 1] = shapeLogProb;
      }
      tokens.add(Vocabulary.EOS_ID);
      lps[2 * CLUE_PAIRS] = 0f; // the end comes with certainty after the fixed number of pairs
      return new ClueAnswer(vocabulary.decode(tokens), tokens, lps, ref());
    });
  }

  @Override
  public List<DecisionAnswer> decisions(List<PolicyTurn> turns) {
    return ScriptedTurns.answerEach(turns, TurnKind.DECISION, (turn, view) -> {
      List<Integer> candidates = new ArrayList<>();
      for (int seat = 1; seat <= view.numPlayers(); seat++) {
        if (seat != view.seat()) {
          candidates.add(seat);
        }
      }
      float logProb = (float) -Math.log(candidates.size());
      SplittableRandom random = new SplittableRandom(view.samplingSeed());
      return new DecisionAnswer(ScriptedTurns.votes(view,
          () -> Vote.ofOption(candidates.get(random.nextInt(candidates.size())), logProb)), ref());
    });
  }
}
