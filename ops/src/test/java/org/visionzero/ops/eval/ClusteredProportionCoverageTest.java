package org.visionzero.ops.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Why the interval is over games: simulated evaluations whose games differ (a game's votes share its clues, so
 * some games are easy and some hard) and how often each interval holds the true share. Fixed seed: deterministic.
 */
class ClusteredProportionCoverageTest {

  private static final int REPLICATES = 1_000;
  private static final int GAMES = 48;
  private static final int VOTES_PER_GAME = 8;
  private static final double TRUE_SHARE = 0.8;
  /** Half the games are answered right with 0.6, half with 1.0: the votes of a game correlate (ICC 0.25). */
  private static final double[] GAME_SHARES = {0.6, 1.0};

  @Test
  void shouldHoldTheTrueShareAboutNineteenTimesInTwentyWhereTheVotesIntervalFallsShort() {
    Random random = new Random(20261206L);
    int coveredByGames = 0;
    int coveredByVotes = 0;
    for (int r = 0; r < REPLICATES; r++) {
      ClusteredProportion votes = ClusteredProportion.EMPTY;
      for (int g = 0; g < GAMES; g++) {
        double share = GAME_SHARES[random.nextInt(GAME_SHARES.length)];
        int correct = 0;
        for (int v = 0; v < VOTES_PER_GAME; v++) {
          correct += random.nextDouble() < share ? 1 : 0;
        }
        votes = votes.plusGame(correct, VOTES_PER_GAME);
      }
      coveredByGames += votes.low() <= TRUE_SHARE && TRUE_SHARE <= votes.high() ? 1 : 0;
      coveredByVotes += votes.votes().low() <= TRUE_SHARE && TRUE_SHARE <= votes.votes().high() ? 1 : 0;
    }

    assertThat(coveredByGames / (double) REPLICATES).isBetween(0.93, 0.97);
    assertThat(coveredByVotes / (double) REPLICATES).isLessThan(0.85);
  }
}
