package org.visionzero.game.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.visionzero.events.Outcome;
import org.visionzero.events.Winner;
import org.visionzero.game.testing.Games;

class OutcomesTest {

  @Test
  void shouldTallyVotesAbstentionsAndInvalidVotes() {
    // spy 2: five votes; seat 1 one; one N/A; one invalid; one out of range
    Outcome outcome = Outcomes.of(2, 4, List.of(
        Games.vote(0, 0, org.visionzero.events.VoteKind.SEAT, 7)));
    assertThat(outcome.getInvalidVotes()).isEqualTo(1);

    Outcome tally = Outcomes.of(2, 4, Games.votes(0, 2, 2, 2, 2, 2, 1, 0, -1));
    assertThat(tally.getVotesPerSeat()).containsExactly(1, 5, 0, 0);
    assertThat(tally.getAbstentions()).isEqualTo(1);
    assertThat(tally.getInvalidVotes()).isEqualTo(1);
    assertThat(tally.getTotalVotes()).isEqualTo(8);
    assertThat(tally.getWinner()).isEqualTo(Winner.CIVILIANS);
    assertThat(tally.getDecisionAccuracy()).isEqualTo(5.0 / 8);
  }

  @Test
  void shouldLetTheSpyWinATieOrAnEmptyVote() {
    assertThat(Outcomes.of(2, 4, Games.votes(0, 2, 2, 1, 1)).getWinner()).isEqualTo(Winner.SPY);
    assertThat(Outcomes.of(2, 4, Games.votes(0, 3, 3, 3, 2)).getWinner()).isEqualTo(Winner.SPY);
    Outcome empty = Outcomes.of(1, 4, List.of());
    assertThat(empty.getWinner()).isEqualTo(Winner.SPY);
    assertThat(empty.getDecisionAccuracy()).isZero();
    assertThat(empty.getTotalVotes()).isZero();
  }

  @Test
  void shouldRejectASpySeatOutsideTheTable() {
    assertThatThrownBy(() -> Outcomes.of(5, 4, List.of())).hasMessageContaining("spySeat must be in 1..4");
  }
}
