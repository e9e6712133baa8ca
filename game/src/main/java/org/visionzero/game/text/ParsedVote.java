package org.visionzero.game.text;

import java.util.Objects;
import org.visionzero.events.DecisionSample;
import org.visionzero.events.SampledTokens;
import org.visionzero.events.VoteKind;

/**
 * A vote read from a text policy's output.
 *
 * @param kind      SEAT, ABSTAIN (N/A) or INVALID (unparseable or out of range)
 * @param seat      the seat voted for, 1..N, when kind is SEAT; 0 otherwise
 * @param answer    the answer text the vote was read from (boxed content or JSON), "" when none
 * @param reasoning the reasoning before the answer
 * @param formatOk  format flag f: reasoning longer than the minimum and a non-empty answer
 */
public record ParsedVote(VoteKind kind, int seat, String answer, String reasoning, boolean formatOk) {

  public ParsedVote {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(answer, "answer");
    Objects.requireNonNull(reasoning, "reasoning");
    if ((kind == VoteKind.SEAT) != (seat > 0)) {
      throw new IllegalArgumentException("seat must be > 0 exactly when kind is SEAT, got " + kind + "/" + seat);
    }
  }

  /** The decision sample that records this vote. */
  public DecisionSample toSample(int voterSeat, int sampleIndex, String output, SampledTokens tokens) {
    return DecisionSample.newBuilder()
        .setVoterSeat(voterSeat)
        .setSampleIndex(sampleIndex)
        .setVoteKind(kind)
        .setVotedSeat(seat)
        .setText(output)
        .setReasoning(reasoning)
        .setFormatOk(formatOk)
        .setSample(tokens)
        .build();
  }
}
