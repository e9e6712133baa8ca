package org.visionzero.streams.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.visionzero.events.DecisionMode;
import org.visionzero.events.GameCompleted;
import org.visionzero.events.GameEvent;
import org.visionzero.events.GameStarted;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.Purpose;
import org.visionzero.events.Role;
import org.visionzero.events.TurnKind;
import org.visionzero.events.TurnRequested;
import org.visionzero.events.Winner;
import org.visionzero.game.testing.Events;
import org.visionzero.streams.config.CoordinatorConfig;
import org.visionzero.streams.testing.CoordinatorHarness;

class CoordinatorFullGameTest {

  @Test
  void shouldPlayCodeModeGameFromPairToCompletionWithOneObserverTurn() {
    try (CoordinatorHarness coordinator = new CoordinatorHarness(Map.of())) {
      // given a training pair and no checkpoint yet
      coordinator.pair(Events.pair("p1"));

      // when the scripted worker answers every turn, the observer naming the spy
      List<TurnRequested> first = coordinator.turns();
      String gameId = "g-p1-0-1";
      GameStarted started = coordinator.started(gameId);
      List<TurnRequested> played = coordinator.playAll(first, true);

      // then: 4 players x 2 rounds of clues in seat order, then one observer turn with G = 8 samples
      assertThat(started.getMode()).isEqualTo("code");
      assertThat(started.getPurpose()).isEqualTo(Purpose.TRAINING);
      assertThat(started.getCivilianPolicy()).isEqualTo(new PolicyRef("vz", 0));
      assertThat(first).singleElement().satisfies(turn -> {
        assertThat(turn.getEventId()).isEqualTo(gameId + "/0/1");
        assertThat(turn.getSeat()).isEqualTo(1);
      });
      assertThat(played).hasSize(9);
      assertThat(played.subList(0, 8)).extracting(TurnRequested::getKind).containsOnly(TurnKind.CLUE);
      assertThat(played.subList(0, 8)).extracting(TurnRequested::getSeat).containsExactly(1, 2, 3, 4, 1, 2, 3, 4);
      TurnRequested observer = played.get(8);
      assertThat(observer.getKind()).isEqualTo(TurnKind.DECISION);
      assertThat(observer.getRole()).isEqualTo(Role.OBSERVER);
      assertThat(observer.getSamples()).isEqualTo(8);
      assertThat(observer.getHistory()).hasSize(8);

      List<GameEvent> written = coordinator.written;
      coordinator.events();
      assertThat(written).extracting(GameEvent::getEventId)
          .containsExactly(gameId + "/started", gameId + "/completed");
      GameCompleted completed = (GameCompleted) written.get(1).getPayload();
      assertThat(completed.getOutcome().getWinner()).isEqualTo(Winner.CIVILIANS);
      assertThat(completed.getOutcome().getDecisionAccuracy()).isEqualTo(1.0);
      assertThat(coordinator.turns()).isEmpty();
      assertThat(coordinator.deadLetters()).isEmpty();
      assertThat(coordinator.counter(CoordinatorMetrics.GAMES_STARTED, "purpose", "training")).isEqualTo(1.0);
      assertThat(coordinator.counter(CoordinatorMetrics.GAMES_COMPLETED)).isEqualTo(1.0);
      assertThat(coordinator.gauge(CoordinatorMetrics.GAMES_IN_FLIGHT)).isZero();
      assertThat(coordinator.storedGameBytes(gameId)).as("a finished game keeps only a marker").isEqualTo(1);
    }
  }

  @Test
  void shouldPlayPaperModeGameWithOneVoteTurnPerCivilianOpenedTogether() {
    try (CoordinatorHarness coordinator = new CoordinatorHarness(Map.of(CoordinatorConfig.GAME_MODE, "paper"))) {
      // given a training pair in paper mode
      coordinator.pair(Events.pair("p1"));
      String gameId = "g-p1-0-1";
      GameStarted started = coordinator.started(gameId);

      // when the clue stage is played
      List<TurnRequested> clueTurns = coordinator.turns();
      for (int turn = 0; turn < 10; turn++) {
        TurnRequested request = clueTurns.remove(0);
        coordinator.answer(Events.clue(request, coordinator.now()));
        clueTurns.addAll(coordinator.turns());
      }

      // then the four civilians' vote turns open at once, the spy's seat gets none, the spy image is blank
      assertThat(started.getDecisionMode()).isEqualTo(DecisionMode.CIVILIAN_VOTES);
      assertThat(started.getSpyImage()).isNull();
      assertThat(clueTurns).hasSize(4).allSatisfy(turn -> {
        assertThat(turn.getKind()).isEqualTo(TurnKind.DECISION);
        assertThat(turn.getRole()).isEqualTo(Role.CIVILIAN);
        assertThat(turn.getSamples()).isEqualTo(1);
      });
      assertThat(clueTurns).extracting(TurnRequested::getSeat).doesNotContain(started.getSpySeat());

      // when the votes arrive in reverse seat order (out of order is fine: all are due)
      for (int i = clueTurns.size() - 1; i >= 0; i--) {
        coordinator.answer(coordinator.answerTo(clueTurns.get(i), true));
      }

      // then the game completes once, with four valid votes for the spy
      List<GameEvent> written = coordinator.events();
      assertThat(written).extracting(GameEvent::getEventId).endsWith(gameId + "/completed");
      GameCompleted completed = (GameCompleted) written.get(written.size() - 1).getPayload();
      assertThat(completed.getOutcome().getTotalVotes()).isEqualTo(4);
      assertThat(completed.getOutcome().getWinner()).isEqualTo(Winner.CIVILIANS);
      assertThat(coordinator.turns()).isEmpty();
    }
  }
}
