package org.visionzero.game.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ClueRewardsTest {
  private static final double BETA = 0.1;
  private static final double LAMBDA = 0.1;

  @Test
  void shouldReproduceTheWorkedExampleOfTheSpec() {
    // N = 4, spy in seat 1 with 5 votes, civilians 1, 1, 0 (one N/A is not counted).
    double[] rewards = ClueRewards.compute(List.of(5, 1, 1, 0), 1, BETA, LAMBDA);

    assertThat(rewards[0]).isCloseTo(-0.4333, within(1e-4));
    assertThat(rewards[1]).isCloseTo(0.1111, within(1e-4));
    assertThat(rewards[2]).isCloseTo(0.1111, within(1e-4));
    assertThat(rewards[3]).isCloseTo(0.2111, within(1e-4));
    assertThat(rewards[0]).isCloseTo(-13.0 / 30, within(1e-12));
  }

  @Test
  void shouldGiveTheSameRewardsWhereverTheSpySits() {
    double[] rewards = ClueRewards.compute(List.of(1, 0, 5, 1), 3, BETA, LAMBDA);

    assertThat(rewards).containsExactly(new double[] {0.1111, 0.2111, -0.4333, 0.1111}, within(1e-4));
  }

  @Test
  void shouldGiveZeroToEveryoneWhenNobodyVoted() {
    assertThat(ClueRewards.compute(List.of(0, 0, 0, 0, 0), 2, BETA, LAMBDA)).containsOnly(0.0);
  }

  @Test
  void shouldRewardTheSpyWhenTheCiviliansAreSuspected() {
    double[] rewards = ClueRewards.compute(List.of(0, 4, 4, 0), 1, BETA, LAMBDA);

    assertThat(rewards[0]).isPositive();
    assertThat(rewards[1]).isLessThan(rewards[3]);
  }

  @Test
  void shouldAlwaysSumToZeroOverThousandsOfRandomTallies() {
    Random random = new Random(20260127L);
    for (int game = 0; game < 5_000; game++) {
      int numPlayers = 3 + random.nextInt(7);
      List<Integer> votes = new ArrayList<>();
      for (int seat = 0; seat < numPlayers; seat++) {
        votes.add(random.nextInt(10));
      }
      double beta = random.nextDouble();
      double lambda = random.nextDouble();
      double[] rewards = ClueRewards.compute(votes, 1 + random.nextInt(numPlayers), beta, lambda);

      double sum = 0;
      for (double r : rewards) {
        sum += r;
      }
      assertThat(sum).as("game %d votes %s", game, votes).isCloseTo(0.0, within(1e-12));
    }
  }

  @Test
  void shouldRejectBadInputWithAClearMessage() {
    assertThatThrownBy(() -> ClueRewards.compute(List.of(1, 2, 3), 4, BETA, LAMBDA))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spySeat must be in 1..3");
    assertThatThrownBy(() -> ClueRewards.compute(List.of(1), 1, BETA, LAMBDA))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2 seats");
    assertThatThrownBy(() -> ClueRewards.compute(List.of(1, -1, 0), 1, BETA, LAMBDA))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("seat 2 had -1");
  }
}
