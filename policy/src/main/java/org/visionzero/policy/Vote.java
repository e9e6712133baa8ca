package org.visionzero.policy;

import java.util.List;
import java.util.Objects;
import org.visionzero.events.VoteKind;

/**
 * One decision sample.
 *
 * @param kind     a seat, an abstention (N/A) or invalid
 * @param seat     the seat voted for (1..N) when {@code kind == SEAT}, else 0
 * @param text     the output text: the seat number, {@code N/A}, or a text policy's raw output
 * @param tokenIds sampled tokens; for structured policies one id, the chosen option ({@link VoteOptions})
 * @param logProbs behaviour log-probability of each token
 */
public record Vote(VoteKind kind, int seat, String text, List<Integer> tokenIds, float[] logProbs) {
  public Vote {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
    tokenIds = List.copyOf(tokenIds);
    logProbs = logProbs.clone();
    if (tokenIds.size() != logProbs.length) {
      throw new IllegalArgumentException(
          "tokenIds and logProbs must have the same length, were " + tokenIds.size() + " and " + logProbs.length);
    }
    if (kind == VoteKind.SEAT && seat < 1) {
      throw new IllegalArgumentException("a SEAT vote needs a seat >= 1, was " + seat);
    }
    if (kind != VoteKind.SEAT && seat != 0) {
      throw new IllegalArgumentException("a " + kind + " vote must have seat 0, was " + seat);
    }
  }

  /** A structured vote for option {@code option} (0 = N/A, k = seat k) with its log-probability. */
  public static Vote ofOption(int option, float logProb) {
    List<Integer> tokens = List.of(option);
    float[] lps = {logProb};
    if (option == VoteOptions.ABSTAIN) {
      return new Vote(VoteKind.ABSTAIN, 0, VoteOptions.ABSTAIN_TEXT, tokens, lps);
    }
    return new Vote(VoteKind.SEAT, option, Integer.toString(option), tokens, lps);
  }

  @Override
  public float[] logProbs() {
    return logProbs.clone();
  }
}
