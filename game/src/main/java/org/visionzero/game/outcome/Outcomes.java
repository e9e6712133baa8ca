package org.visionzero.game.outcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.visionzero.events.DecisionSample;
import org.visionzero.events.Outcome;
import org.visionzero.events.VoteKind;
import org.visionzero.events.Winner;

/**
 * The result of a decision stage: valid votes per seat, abstentions, invalid votes (unparseable or a seat
 * outside 1..N), the winner (civilians when the spy has strictly the most votes) and decision accuracy
 * (share of all samples that named the spy).
 */
public final class Outcomes {
  private Outcomes() {}

  /** Tallies the decision samples of one game. */
  public static Outcome of(int spySeat, int numPlayers, List<DecisionSample> samples) {
    Objects.requireNonNull(samples, "samples");
    if (spySeat < 1 || spySeat > numPlayers) {
      throw new IllegalArgumentException("spySeat must be in 1.." + numPlayers + ", was " + spySeat);
    }
    int[] votes = new int[numPlayers];
    int abstentions = 0;
    int invalid = 0;
    for (DecisionSample sample : samples) {
      int seat = sample.getVotedSeat();
      if (sample.getVoteKind() == VoteKind.ABSTAIN) {
        abstentions++;
      } else if (sample.getVoteKind() == VoteKind.SEAT && seat >= 1 && seat <= numPlayers) {
        votes[seat - 1]++;
      } else {
        invalid++;
      }
    }
    List<Integer> votesPerSeat = new ArrayList<>(numPlayers);
    for (int v : votes) {
      votesPerSeat.add(v);
    }
    int spyVotes = votes[spySeat - 1];
    return Outcome.newBuilder()
        .setSpySeat(spySeat)
        .setVotesPerSeat(votesPerSeat)
        .setAbstentions(abstentions)
        .setInvalidVotes(invalid)
        .setTotalVotes(samples.size())
        .setWinner(spyHasStrictlyMostVotes(votes, spySeat) ? Winner.CIVILIANS : Winner.SPY)
        .setDecisionAccuracy(share(spyVotes, samples.size()))
        .build();
  }

  private static boolean spyHasStrictlyMostVotes(int[] votes, int spySeat) {
    int spyVotes = votes[spySeat - 1];
    for (int seat = 1; seat <= votes.length; seat++) {
      if (seat != spySeat && votes[seat - 1] >= spyVotes) {
        return false;
      }
    }
    return true;
  }

  private static double share(int count, int total) {
    return total == 0 ? 0.0 : (double) count / total;
  }
}
