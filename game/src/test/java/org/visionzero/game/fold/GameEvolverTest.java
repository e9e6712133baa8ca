package org.visionzero.game.fold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.visionzero.game.testing.Games.T0;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.visionzero.events.GameAborted;
import org.visionzero.events.GameCompleted;
import org.visionzero.events.GameEvent;
import org.visionzero.events.TurnRetried;
import org.visionzero.events.VoteKind;
import org.visionzero.game.config.GameConfig;
import org.visionzero.game.outcome.Outcomes;
import org.visionzero.game.testing.Games;

/** Events that do not apply leave the state as it was, so the raw log (duplicates included) folds cleanly. */
class GameEvolverTest {
  private static final String GAME = "g-evolve";
  private final GameDecider decider = new GameDecider(GameConfig.code());

  @Test
  void givenNoGame_whenAnythingButAStartArrives_thenTheStateStaysEmpty() {
    GameEvent retry = Games.envelope(EventIds.retry(GAME, 0, 2), T0, GAME, new TurnRetried(0, 2, "timeout"));
    GameEvent abort = Games.envelope(EventIds.aborted(GAME), T0, GAME, new GameAborted(0, 3, "gone"));

    assertThat(GameEvolver.evolve(GameState.empty(), retry)).isEqualTo(GameState.empty());
    assertThat(GameEvolver.evolve(GameState.empty(), abort)).isEqualTo(GameState.empty());
    assertThat(GameState.empty().isStarted()).isFalse();
    assertThat(GameState.empty().gameId()).isEmpty();
  }

  @Test
  void givenStartedGame_whenEventsDoNotApply_thenTheStateIsUnchanged() {
    GameState state = started();
    GameEvent secondStart = decider.decide(GameState.empty(), Games.start(GAME, 99)).events().get(0);
    GameEvent retryOfUndueTurn = Games.envelope(EventIds.retry(GAME, 3, 2), T0, GAME, new TurnRetried(3, 2, "x"));
    GameEvent retrySkippingAttempt = Games.envelope(EventIds.retry(GAME, 0, 3), T0, GAME, new TurnRetried(0, 3, "x"));
    GameEvent earlyCompletion = Games.envelope(EventIds.completed(GAME), T0, GAME,
        new GameCompleted(Outcomes.of(1, 4, List.of())));

    assertThat(GameEvolver.evolve(state, secondStart)).isEqualTo(state);
    assertThat(GameEvolver.evolve(state, retryOfUndueTurn)).isEqualTo(state);
    assertThat(GameEvolver.evolve(state, retrySkippingAttempt)).isEqualTo(state);
    assertThat(GameEvolver.evolve(state, earlyCompletion)).isEqualTo(state);
  }

  @Test
  void givenAbortedGame_whenMoreEventsArrive_thenTheyAreIgnored() {
    GameEvent abort = Games.envelope(EventIds.aborted(GAME), T0, GAME, new GameAborted(0, 3, "gone"));
    GameState aborted = GameEvolver.evolve(started(), abort);

    assertThat(aborted.isFinished()).isTrue();
    assertThat(GameEvolver.evolve(aborted, abort)).isEqualTo(aborted);
    assertThat(GameEvolver.evolve(aborted, Games.clue(GAME, 0, 1, 1, 1, T0))).isEqualTo(aborted);
    assertThatThrownBy(aborted::completion).hasMessageContaining("not COMPLETED");
    assertThatThrownBy(aborted::outcome).hasMessageContaining("not COMPLETED");
  }

  @Test
  void shouldRefuseEventsOfAnotherGameAndUnknownPayloads() {
    GameState state = started();
    GameEvent foreign = Games.clue("another", 0, 1, 1, 1, T0);
    GameEvent strange = Games.envelope(GAME + "/x", T0, GAME, VoteKind.SEAT);

    assertThatThrownBy(() -> GameEvolver.evolve(state, foreign)).hasMessageContaining("is for game another");
    assertThatThrownBy(() -> GameEvolver.evolve(state, strange)).hasMessageContaining("unknown payload: VoteKind");
  }

  @Test
  void shouldRefuseToReadWhatAStateDoesNotHaveYet() {
    GameState empty = GameState.empty();

    assertThatThrownBy(empty::started).hasMessageContaining("has not started");
    assertThatThrownBy(empty::plan).hasMessageContaining("has not started");
    assertThatThrownBy(started()::abort).hasMessageContaining("not ABORTED");
    assertThat(started().toString()).contains(GAME, "RUNNING", "pending [0]");
    assertThat(started().hashCode()).isEqualTo(started().hashCode());
    assertThat(started()).isNotEqualTo("not a state");
  }

  @Test
  void shouldRebuildTheSameStateFromItsEvents() {
    GameState state = started();
    state = decider.decide(state, new GameCommand.RecordClue(Games.clue(GAME, 0, 1, 1, 1, T0))).applyTo(state);

    assertThat(GameEvolver.fold(state.events())).isEqualTo(state);
    assertThat(GameEvolver.fold(state.events()).pending()).isEqualTo(state.pending());
  }

  private GameState started() {
    return decider.decide(GameState.empty(), Games.start(GAME, 7)).applyTo(GameState.empty());
  }
}
