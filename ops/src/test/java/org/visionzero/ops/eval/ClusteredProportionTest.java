package org.visionzero.ops.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Golden numbers worked by hand (the effective size) and by a separate computation of the residuals and the
 * Wilson formula (python, not these running sums).
 */
class ClusteredProportionTest {

  private static final double EPS = 1e-12;

  @Test
  void shouldShrinkTheVotesToTheirEffectiveNumberOverGames() {
    // four games of 8 votes: 8, 4, 0 and 6 correct. p = 18/32 = 0.5625; residuals y - p·m = 3.5, -0.5, -4.5, 1.5,
    // squares sum to 35; V = 4/3 · 35 / 32² = 140/3072; n_eff = p(1-p) / V = 0.24609375 · 3072 / 140 = 5.4
    ClusteredProportion votes = ClusteredProportion.EMPTY.plusGame(8, 8).plusGame(4, 8).plusGame(0, 8).plusGame(6, 8);

    assertThat(votes.votes()).isEqualTo(new Proportion(18, 32));
    assertThat(votes.games()).isEqualTo(4);
    assertThat(votes.effectiveTrials()).isCloseTo(5.4, within(EPS));
    assertThat(votes.low()).isCloseTo(0.21563022721517605, within(EPS));
    assertThat(votes.high()).isCloseTo(0.8574101891407886, within(EPS));
    // the votes taken as independent claim a much narrower interval
    assertThat(votes.high() - votes.low()).isGreaterThan(1.5 * (votes.votes().high() - votes.votes().low()));
  }

  @Test
  void givenTwoGamesThatDisagreeCompletely_thenTheyAreWorthOneVote() {
    // p = 0.5, residuals ±4, V = 2/1 · 32 / 16² = 0.25, n_eff = 0.25 / 0.25 = 1
    ClusteredProportion votes = ClusteredProportion.EMPTY.plusGame(8, 8).plusGame(0, 8);

    assertThat(votes.effectiveTrials()).isCloseTo(1, within(EPS));
    assertThat(votes.low()).isCloseTo(0.05462075552885198, within(EPS));
    assertThat(votes.high()).isCloseTo(0.945379244471148, within(EPS));
  }

  @Test
  void givenGamesWithTheSameShare_thenEveryVoteCounts() {
    ClusteredProportion votes = ClusteredProportion.EMPTY.plusGame(2, 4).plusGame(4, 8);

    assertThat(votes.effectiveTrials()).isEqualTo(12);
    assertThat(votes.low()).isCloseTo(new Proportion(6, 12).low(), within(EPS));
    assertThat(votes.high()).isCloseTo(0.7462184023662939, within(EPS));
  }

  @Test
  void givenNoVariationToMeasure_thenEachGameIsOneTrial() {
    ClusteredProportion none = ClusteredProportion.EMPTY.plusGame(0, 8).plusGame(0, 8).plusGame(0, 8);
    ClusteredProportion oneGame = ClusteredProportion.EMPTY.plusGame(3, 8);

    assertThat(none.effectiveTrials()).isEqualTo(3);
    assertThat(none.low()).isZero();
    // Wilson at p = 0 over n = 3: z² / (3 + z²)
    assertThat(none.high()).isCloseTo(0.5614970317550455, within(EPS));
    assertThat(oneGame.effectiveTrials()).isEqualTo(1);
  }

  @Test
  void shouldMatchTheVotesWilsonIntervalNearlyWhenEveryVoteIsItsOwnGame() {
    Proportion votes = new Proportion(30, 100);
    ClusteredProportion independent = ClusteredProportion.independent(votes);

    // each vote a game: V = p(1-p)/(n-1), so n_eff = n - 1
    assertThat(independent.effectiveTrials()).isCloseTo(99, within(1e-9));
    assertThat(independent.votes()).isEqualTo(votes);
  }

  @Test
  void shouldIgnoreGamesWithoutVotesAndRefuseImpossibleCounts() {
    assertThat(ClusteredProportion.EMPTY.plusGame(0, 0)).isEqualTo(ClusteredProportion.EMPTY);
    assertThat(ClusteredProportion.EMPTY.effectiveTrials()).isNaN();
    assertThat(ClusteredProportion.EMPTY.toJson()).containsEntry("low", null).containsEntry("n", 0L);
    assertThatThrownBy(() -> ClusteredProportion.EMPTY.plusGame(3, 2)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldWriteTheVoteCountsTheIntervalOverGamesTheEffectiveSizeAndThePoolingSums() {
    ClusteredProportion votes = ClusteredProportion.EMPTY.plusGame(8, 8).plusGame(0, 8);

    assertThat(votes.toJson()).containsOnlyKeys("rate", "low", "high", "n", "successes", "effectiveN", "games",
            "successesSquared", "trialsSquared", "successesTimesTrials")
        .containsEntry("rate", 0.5).containsEntry("n", 16L).containsEntry("successes", 8L)
        .containsEntry("low", votes.low()).containsEntry("effectiveN", 1.0).containsEntry("games", 2L)
        .containsEntry("successesSquared", 64L).containsEntry("trialsSquared", 128L)
        .containsEntry("successesTimesTrials", 64L);
  }
}
