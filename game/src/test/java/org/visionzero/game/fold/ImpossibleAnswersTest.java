package org.visionzero.game.fold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.visionzero.game.testing.Games.T0;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.visionzero.deadletter.InvalidRecordException;
import org.visionzero.events.GameEvent;
import org.visionzero.game.config.GameConfig;
import org.visionzero.game.fold.GameCommand.RecordClue;
import org.visionzero.game.testing.Games;

/** Answers no requested turn can produce are told apart from duplicates and late answers, with a reason. */
class ImpossibleAnswersTest {
  private static final String GAME = "g-impossible";
  private final GameDecider decider = new GameDecider(GameConfig.code());

  @Test
  void givenAGameInItsClueStage_whenAVoteArrives_thenItIsAVoteBeforeTheClueStage() {
    assertThat(reason(started(), Games.decision(GAME, 8, 1, 0, Games.votes(0, 1, 2, 3, 4, 1, 2, 3, 4), T0)))
        .contains("vote-before-clue-stage");
    assertThat(reason(started(), Games.decision(GAME, 1, 1, 0, Games.votes(0, 1), T0)))
        .contains("vote-before-clue-stage");
  }

  @Test
  void givenAStartedGame_whenAnswersFitNoRequestedTurn_thenEachHasItsReason() {
    GameState state = started();

    assertThat(reason(state, Games.clue(GAME, 99, 1, 1, 1, T0))).contains("turn-out-of-plan");
    assertThat(reason(state, Games.clue(GAME, 8, 1, 1, 1, T0))).contains("clue-at-decision-turn");
    assertThat(reason(state, Games.clue(GAME, 1, 1, 2, 1, T0))).contains("turn-not-due");
    assertThat(reason(state, Games.clue(GAME, 0, 2, 1, 1, T0))).contains("attempt-not-requested");
    assertThat(reason(state, Games.clue(GAME, 0, 1, 3, 1, T0))).contains("wrong-seat");
  }

  @Test
  void givenNoSuchGame_whenAnAnswerArrives_thenItIsForAnUnknownGame() {
    assertThat(reason(GameState.empty(), Games.clue("poison-7", 0, 1, 1, 1, T0))).contains("unknown-game");
  }

  @Test
  void givenADuplicateOrALateAnswer_whenRejected_thenItIsTolerated() {
    GameEvent clue = Games.clue(GAME, 0, 1, 1, 1, T0);
    GameState answered = decider.decide(started(), new RecordClue(clue)).applyTo(started());
    GameState aborted = GameEvolver.evolve(started(), Games.envelope(GAME + "/aborted", T0, GAME,
        new org.visionzero.events.GameAborted(0, 3, "timeout")));

    assertThat(reason(answered, clue)).isEmpty();
    assertThat(reason(aborted, clue)).isEmpty();
  }

  private GameState started() {
    return decider.decide(GameState.empty(), Games.start(GAME, 7L)).applyTo(GameState.empty());
  }

  private static Optional<String> reason(GameState state, GameEvent answer) {
    AnswerRule.Rejection rejection = AnswerRule.rejection(state, answer).orElseThrow();
    return ImpossibleAnswers.of(state, answer, rejection).map(InvalidRecordException::reason);
  }
}
