package org.visionzero.game.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.visionzero.game.testing.Games.T0;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.visionzero.events.GameCompleted;
import org.visionzero.events.GameEvent;
import org.visionzero.events.Outcome;
import org.visionzero.events.Role;
import org.visionzero.events.ScoredClue;
import org.visionzero.events.ScoredDecision;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.game.config.GameConfig;
import org.visionzero.game.fold.GameCommand;
import org.visionzero.game.fold.GameDecider;
import org.visionzero.game.fold.GameEvolver;
import org.visionzero.game.fold.GameState;
import org.visionzero.game.outcome.Outcomes;
import org.visionzero.game.testing.Games;

class TrajectoryScorerTest {
  private static final String GAME = "g-scored";
  private final GameDecider decider = new GameDecider(GameConfig.code());

  @Test
  void shouldScoreTheWorkedExampleGame() {
    GameState state = completed(5, 1, 1, 0, 1);
    int spy = state.started().getSpySeat();

    ScoredTrajectory scored = TrajectoryScorer.byGameMode().score(state);

    assertThat(scored.getEventId()).isEqualTo(GAME + "/scored");
    assertThat(scored.getOccurredAt()).isEqualTo(state.completion().getOccurredAt());
    assertThat(scored.getMode()).isEqualTo("code");
    assertThat(scored.getSpySeat()).isEqualTo(spy);
    assertThat(scored.getClueRewards().get(spy - 1)).isCloseTo(-0.4333, within(1e-4));
    assertThat(scored.getClueRewards().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(0, within(1e-12));
    assertThat(scored.getClues()).hasSize(8).allSatisfy(clue ->
        assertThat(clue.getReward()).isEqualTo(scored.getClueRewards().get(clue.getSeat() - 1)));
    assertThat(scored.getClues()).filteredOn(c -> c.getSeat() == spy).extracting(ScoredClue::getRole)
        .containsOnly(Role.SPY);
    assertThat(scored.getDecisions()).hasSize(8);
    assertThat(scored.getDecisions()).filteredOn(ScoredDecision::getCorrect).hasSize(5)
        .allSatisfy(d -> assertThat(d.getReward()).isCloseTo(2.49, within(1e-12)));
    assertThat(scored.getDecisions().stream().mapToDouble(ScoredDecision::getAdvantage).sum())
        .isCloseTo(0, within(1e-9));
    assertThat(scored.getDecisions()).allSatisfy(d -> assertThat(d.getPolicy()).isEqualTo(Games.REFEREE));
    assertThat(scored.getOutcome()).isEqualTo(state.outcome());
    assertThat(scored.getTags()).containsEntry("arm", "b");
    assertThat(scored.getBlankDecisionImage()).isFalse();
  }

  @Test
  void shouldBeDeterministicAndHonourAFixedConfiguration() {
    GameState state = completed(8, 0, 0, 0, 0);

    assertThat(TrajectoryScorer.byGameMode().score(state)).isEqualTo(TrajectoryScorer.byGameMode().score(state));
    ScoredTrajectory paperShape = TrajectoryScorer.withConfig(GameConfig.code().toBuilder()
        .decisionRewardShape(GameConfig.DecisionRewardShape.PAPER).build()).score(state);
    assertThat(paperShape.getDecisions()).allSatisfy(d -> {
      assertThat(d.getReward()).isEqualTo(1.0);
      assertThat(d.getAdvantage()).isZero();
    });
  }

  @Test
  void shouldScoreAPaperGameWithOneVotePerCivilianAndTheAccuracyReward() {
    GameConfig paper = GameConfig.paper();
    GameDecider paperDecider = new GameDecider(paper);
    GameState state = paperDecider.decide(GameState.empty(), Games.start(GAME, 8)).applyTo(GameState.empty());
    int spy = state.started().getSpySeat();
    java.util.Random random = new java.util.Random(3);
    while (state.isRunning()) {
      var request = org.visionzero.game.fold.TurnRequests.pending(state, paper).get(0);
      var answer = request.getKind() == org.visionzero.events.TurnKind.CLUE
          ? Games.answer(request, random, T0.plusSeconds(request.getTurn()))
          : Games.decision(GAME, request.getTurn(), 1, request.getSeat(),
              Games.votes(request.getSeat(), request.getTurn() % 2 == 0 ? spy : 0), T0.plusSeconds(99));
      state = paperDecider.decide(state, GameCommand.recordAnswer(answer)).applyTo(state);
    }

    ScoredTrajectory scored = TrajectoryScorer.byGameMode().score(state);

    assertThat(scored.getMode()).isEqualTo("paper");
    assertThat(scored.getNumPlayers()).isEqualTo(5);
    assertThat(scored.getClues()).hasSize(10);
    assertThat(scored.getDecisions()).hasSize(4)
        .allSatisfy(d -> assertThat(d.getReward()).isIn(1.0, -0.5))
        .allSatisfy(d -> assertThat(Math.abs(d.getAdvantage())).isCloseTo(1.0, within(1e-6)));
    assertThat(scored.getDecisions()).extracting(d -> d.getDecision().getVoterSeat()).doesNotContain(spy);
    assertThat(scored.getOutcome().getDecisionAccuracy()).isEqualTo(0.5);
  }

  @Test
  void shouldRefuseAGameThatIsNotCompleted() {
    GameState running = decider.decide(GameState.empty(), Games.start(GAME, 3)).applyTo(GameState.empty());

    assertThatThrownBy(() -> TrajectoryScorer.byGameMode().score(running))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is RUNNING");
  }

  @Test
  void shouldRefuseAGameWhoseCompletionOutcomeIsNotTheTallyOfTheDecisionsItAccepted() {
    // the crash bug: the fold accepted one answer of the decision turn, the completion tallied another's votes
    GameState state = completed(5, 1, 1, 0, 1);
    int spy = state.started().getSpySeat();
    List<GameEvent> log = new ArrayList<>(state.events());
    GameEvent completion = log.remove(log.size() - 1);
    int civilian = spy == 1 ? 2 : 1;
    Outcome otherVotes = Outcomes.of(spy, 4, Games.votes(0, civilian, civilian, civilian, civilian, spy, spy, 0, 0));
    log.add(GameEvent.newBuilder(completion).setPayload(new GameCompleted(otherVotes)).build());
    GameState contradictory = GameEvolver.fold(log);

    assertThatThrownBy(() -> TrajectoryScorer.byGameMode().score(contradictory))
        .isInstanceOf(InconsistentTrajectoryException.class)
        .hasMessageContaining("the trajectory of game " + GAME + " contradicts itself")
        .hasMessageContaining("is not the tally of its decisions");
  }

  /** Plays a code game whose observer gives the spy, then civilians in seat order, these vote counts; rest N/A. */
  private GameState completed(int spyVotes, int... civilianVotes) {
    GameState state = decider.decide(GameState.empty(), Games.start(GAME, 3)).applyTo(GameState.empty());
    for (int turn = 0; turn < 8; turn++) {
      state = decider.decide(state, new GameCommand.RecordClue(
          Games.clue(GAME, turn, 1, turn % 4 + 1, turn / 4 + 1, T0.plusSeconds(turn)))).applyTo(state);
    }
    int spy = state.started().getSpySeat();
    int[] seats = new int[8];
    int next = 0;
    for (int i = 0; i < spyVotes; i++) {
      seats[next++] = spy;
    }
    int civilian = 0;
    for (int seat = 1; seat <= 4; seat++) {
      if (seat != spy) {
        for (int i = 0; i < civilianVotes[civilian]; i++) {
          seats[next++] = seat;
        }
        civilian++;
      }
    }
    return decider.decide(state, new GameCommand.RecordDecision(
        Games.decision(GAME, 8, 1, 0, Games.votes(0, seats), T0.plusSeconds(60)))).applyTo(state);
  }
}
