package org.visionzero.policy;

import java.util.List;
import java.util.Objects;
import org.visionzero.events.PolicyRef;

/**
 * A clue: the sentence, the sampled tokens (including the end token when one was sampled) and the
 * behaviour log-probability of each token.
 */
public record ClueAnswer(String text, List<Integer> tokenIds, float[] logProbs, PolicyRef policy) {
  public ClueAnswer {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(policy, "policy");
    tokenIds = List.copyOf(tokenIds);
    logProbs = logProbs.clone();
    if (tokenIds.size() != logProbs.length) {
      throw new IllegalArgumentException(
          "tokenIds and logProbs must have the same length, were " + tokenIds.size() + " and " + logProbs.length);
    }
  }

  /** Sum of the token log-probs: the log-probability of the whole clue under the behaviour policy. */
  public double sequenceLogProb() {
    double sum = 0;
    for (float lp : logProbs) {
      sum += lp;
    }
    return sum;
  }

  @Override
  public float[] logProbs() {
    return logProbs.clone();
  }
}
