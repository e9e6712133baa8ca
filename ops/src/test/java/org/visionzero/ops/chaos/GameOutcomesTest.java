package org.visionzero.ops.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class GameOutcomesTest {

  private static final Instant DRAIN = Instant.parse("2026-12-06T06:00:00Z");
  private static final Instant BEFORE = DRAIN.minusSeconds(30);
  private static final Instant DURING = DRAIN.plusSeconds(5);

  @Test
  void givenGamesOpenAtTheEnd_whenTallied_thenThoseStartedBeforeTheDrainAreLostAndTheOthersInFlight() {
    GameOutcomes games = new GameOutcomes();
    games.started("done", BEFORE);
    games.completed("done");
    games.started("given-up", BEFORE);
    games.aborted("given-up");
    games.started("stuck", BEFORE);
    games.started("late", DURING);
    games.started("late-done", DURING);
    games.completed("late-done");

    GameOutcomes.Tally tally = games.tally(DRAIN);

    assertThat(tally.started()).isEqualTo(5);
    assertThat(tally.finished()).isEqualTo(2);
    assertThat(tally.aborted()).isEqualTo(1);
    assertThat(tally.inFlight()).isEqualTo(1);
    assertThat(tally.lost()).containsExactly("stuck");
    assertThat(tally.started()).isEqualTo(tally.finished() + tally.aborted() + tally.inFlight() + tally.lostCount());
    assertThat(games.openStartedBefore(DRAIN)).isEqualTo(1);
  }

  @Test
  void givenAGameStartedTwiceInTheLog_whenTallied_thenCountedOnceFromItsFirstStart() {
    GameOutcomes games = new GameOutcomes();
    games.started("g", BEFORE);
    games.started("g", DURING);
    games.completed("g");
    games.completed("g");

    GameOutcomes.Tally tally = games.tally(DRAIN);

    assertThat(tally.started()).isEqualTo(1);
    assertThat(tally.finished()).isEqualTo(1);
    assertThat(tally.lostCount()).isZero();
  }

  @Test
  void givenAnEndWithoutAStart_whenTallied_thenNotCountedAsAGame() {
    GameOutcomes games = new GameOutcomes();
    games.completed("started-before-the-log");

    assertThat(games.tally(DRAIN).started()).isZero();
    assertThat(games.tally(DRAIN).finished()).isZero();
  }
}
