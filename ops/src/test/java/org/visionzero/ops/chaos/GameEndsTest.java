package org.visionzero.ops.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class GameEndsTest {

  private static final Instant DRAIN = Instant.parse("2026-12-06T06:00:00Z");
  private static final Instant BEFORE = DRAIN.minusSeconds(30);
  private static final Instant DURING = DRAIN.plusSeconds(5);
  /** The log read 60 s into the drain with a 30-s stall horizon. */
  private static final Instant STALLED_BEFORE = DRAIN.plusSeconds(30);

  @Test
  void givenGamesOpenAtTheEnd_whenTallied_thenThoseStartedBeforeTheDrainThatStalledAreLostAndTheOthersInFlight() {
    GameEnds games = new GameEnds();
    games.started("done", BEFORE);
    games.completed("done");
    games.started("given-up", BEFORE);
    games.aborted("given-up");
    games.started("stuck", BEFORE);
    games.event("stuck", DRAIN.plusSeconds(10));
    games.started("slow", BEFORE);
    games.event("slow", DRAIN.plusSeconds(40));
    games.started("late", DURING);
    games.started("late-done", DURING);
    games.completed("late-done");

    GameEnds.Tally tally = games.tally(DRAIN, STALLED_BEFORE);

    assertThat(tally.started()).isEqualTo(6);
    assertThat(tally.finished()).isEqualTo(2);
    assertThat(tally.aborted()).isEqualTo(1);
    assertThat(tally.inFlight()).as("'slow' still moving, 'late' started in the drain").isEqualTo(2);
    assertThat(tally.lost()).containsExactly("stuck");
    assertThat(tally.started()).isEqualTo(tally.finished() + tally.aborted() + tally.inFlight() + tally.lostCount());
    assertThat(games.openStartedBefore(DRAIN)).isEqualTo(2);
  }

  @Test
  void givenAGameStartedTwiceInTheLog_whenTallied_thenCountedOnceFromItsFirstStart() {
    GameEnds games = new GameEnds();
    games.started("g", BEFORE);
    games.started("g", DURING);
    games.completed("g");
    games.completed("g");

    GameEnds.Tally tally = games.tally(DRAIN, STALLED_BEFORE);

    assertThat(tally.started()).isEqualTo(1);
    assertThat(tally.finished()).isEqualTo(1);
    assertThat(tally.lostCount()).isZero();
  }

  @Test
  void givenAnEndWithoutAStart_whenTallied_thenNotCountedAsAGame() {
    GameEnds games = new GameEnds();
    games.completed("started-before-the-log");

    assertThat(games.tally(DRAIN, STALLED_BEFORE).started()).isZero();
    assertThat(games.tally(DRAIN, STALLED_BEFORE).finished()).isZero();
  }
}
