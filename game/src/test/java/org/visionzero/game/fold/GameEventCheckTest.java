package org.visionzero.game.fold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.visionzero.game.testing.Games.T0;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.visionzero.deadletter.InvalidRecordException;
import org.visionzero.events.ClueGiven;
import org.visionzero.events.GameEvent;
import org.visionzero.events.GameStarted;
import org.visionzero.events.SampledTokens;
import org.visionzero.game.config.GameConfig;
import org.visionzero.game.testing.Games;

/** Impossible values in a game event are refused with a reason code, and no fold lets them in. */
class GameEventCheckTest {
  private static final String GAME = "g-check";
  private final GameDecider decider = new GameDecider(GameConfig.code());

  @Test
  void givenPlausibleEvents_whenChecked_thenEachPasses() {
    GameEvent start = decider.decide(GameState.empty(), Games.start(GAME, 7L)).events().get(0);

    assertThat(GameEventCheck.validate(start)).isSameAs(start);
    assertThat(GameEventCheck.isValid(Games.clue(GAME, 0, 1, 1, 1, T0))).isTrue();
    assertThat(GameEventCheck.isValid(Games.decision(GAME, 8, 1, 0, Games.votes(0, 1, 2, 0, -1), T0))).isTrue();
  }

  @Test
  void givenAOneMegabyteClue_whenChecked_thenRefusedAsClueTooLong() {
    GameEvent clue = Games.clue(GAME, 0, 1, 1, 1, "x".repeat(1 << 20), Games.POLICY, T0);

    assertRefused(clue, "clue-too-long", "1048576 bytes");
  }

  @Test
  void givenNegativeSeatsTurnsOrNaNLogProbs_whenChecked_thenEachRefusedWithItsReason() {
    assertRefused(Games.clue(GAME, 0, 1, -2, 1, T0), "seat-out-of-range", "seat -2");
    assertRefused(Games.decision(GAME, 8, 1, -1, Games.votes(0, 1), T0), "seat-out-of-range", "seat -1");
    assertRefused(Games.clue(GAME, -1, 1, 1, 1, T0), "turn-out-of-range", "turn -1");
    assertRefused(Games.clue(GAME, 0, 0, 1, 1, T0), "turn-out-of-range", "attempt 0");
    GameEvent clue = Games.clue(GAME, 0, 1, 1, 1, T0);
    ((ClueGiven) clue.getPayload()).setSample(new SampledTokens(List.of(1), List.of(Float.NaN)));
    assertRefused(clue, "log-prob-not-finite", "NaN");
  }

  @Test
  void givenAStartWithTheSpyOutsideTheSeats_whenChecked_thenRefused() {
    GameEvent start = decider.decide(GameState.empty(), Games.start(GAME, 7L)).events().get(0);
    ((GameStarted) start.getPayload()).setSpySeat(-3);

    assertRefused(start, "seat-out-of-range", "spy at seat -3");
  }

  @Test
  void givenAnImpossibleAnswerToADueTurn_whenFolded_thenTheStateIsUnchanged() {
    GameState started = decider.decide(GameState.empty(), Games.start(GAME, 7L)).applyTo(GameState.empty());
    GameEvent huge = Games.clue(GAME, 0, 1, 1, 1, "y".repeat(5000), Games.POLICY, T0);

    assertThat(GameEvolver.evolve(started, huge)).isEqualTo(started);
    assertThat(GameEvolver.evolve(started, Games.clue(GAME, 0, 1, 1, 1, T0))).isNotEqualTo(started);
  }

  private static void assertRefused(GameEvent event, String reason, String detail) {
    assertThatThrownBy(() -> GameEventCheck.validate(event))
        .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.reason()).isEqualTo(reason))
        .hasMessageStartingWith(reason + ": ").hasMessageContaining(detail);
    assertThat(GameEventCheck.isValid(event)).isFalse();
  }
}
