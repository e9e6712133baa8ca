package org.visionzero.game.reward;

import java.util.List;

/**
 * Zero-sum clue rewards from the decision-stage votes (VISION-ZERO.md section 2): with {@code v_s} the spy's
 * votes and {@code v̄_c} the mean votes of the N−1 civilians,
 * spy {@code r_s = −β·(v_s − v̄_c)}, civilian j {@code r_cj = (β/(N−1))·(v_s − v̄_c) − λ·(v_cj − v̄_c)}.
 */
public final class ClueRewards {
  private ClueRewards() {}

  /**
   * Raw clue reward per seat.
   *
   * @param votesPerSeat valid votes received by each seat, index 0 is seat 1 (N/A and invalid not counted)
   * @param spySeat      the spy's seat, 1..N
   * @param beta         β
   * @param lambda       λ
   * @return the reward of each seat, index 0 is seat 1; the rewards sum to 0 (up to rounding)
   */
  public static double[] compute(List<Integer> votesPerSeat, int spySeat, double beta, double lambda) {
    int numPlayers = votesPerSeat.size();
    if (numPlayers < 2) {
      throw new IllegalArgumentException("need votes for at least 2 seats, got " + numPlayers);
    }
    if (spySeat < 1 || spySeat > numPlayers) {
      throw new IllegalArgumentException("spySeat must be in 1.." + numPlayers + ", was " + spySeat);
    }
    int civilians = numPlayers - 1;
    double civilianVotes = 0;
    for (int seat = 1; seat <= numPlayers; seat++) {
      int votes = votesPerSeat.get(seat - 1);
      if (votes < 0) {
        throw new IllegalArgumentException("votes must be >= 0, seat " + seat + " had " + votes);
      }
      if (seat != spySeat) {
        civilianVotes += votes;
      }
    }
    double meanCivilian = civilianVotes / civilians;
    double spyGap = votesPerSeat.get(spySeat - 1) - meanCivilian;
    double[] rewards = new double[numPlayers];
    for (int seat = 1; seat <= numPlayers; seat++) {
      rewards[seat - 1] = seat == spySeat
          ? 0.0 - beta * spyGap
          : (beta / civilians) * spyGap - lambda * (votesPerSeat.get(seat - 1) - meanCivilian);
    }
    return rewards;
  }
}
