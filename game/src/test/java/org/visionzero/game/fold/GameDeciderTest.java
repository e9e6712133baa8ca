package org.visionzero.game.fold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.visionzero.game.testing.Games.T0;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.visionzero.events.ClueGiven;
import org.visionzero.events.GameAborted;
import org.visionzero.events.GameCompleted;
import org.visionzero.events.GameEvent;
import org.visionzero.events.GameStarted;
import org.visionzero.events.Outcome;
import org.visionzero.events.Role;
import org.visionzero.events.TurnKind;
import org.visionzero.events.TurnRequested;
import org.visionzero.events.TurnRetried;
import org.visionzero.events.Winner;
import org.visionzero.game.config.GameConfig;
import org.visionzero.game.fold.GameCommand.CheckTimeouts;
import org.visionzero.game.fold.GameCommand.RecordClue;
import org.visionzero.game.fold.GameCommand.RecordDecision;
import org.visionzero.game.rules.SeatAssignment;
import org.visionzero.game.rules.Seeds;
import org.visionzero.game.testing.Games;

/** Given a state, when a command is decided, then exactly these events and turn requests come out. */
class GameDeciderTest {
  private static final String GAME = "g-pair-1-3";
  private static final long SEED = 42L;
  private static final GameConfig CODE = GameConfig.code();
  private static final int SPY = SeatAssignment.spySeat(SEED, 4);
  private final GameDecider decider = new GameDecider(CODE);

  @Test
  void givenNoGame_whenStarted_thenGameStartedAndOnlyTheFirstClueTurnIsRequested() {
    Decision decision = decider.decide(GameState.empty(), Games.start(GAME, SEED));

    assertThat(decision.isIgnored()).isFalse();
    assertThat(decision.events()).hasSize(1);
    GameEvent event = decision.events().get(0);
    assertThat(event.getEventId()).isEqualTo(GAME + "/started");
    assertThat(event.getOccurredAt()).isEqualTo(T0);
    GameStarted started = (GameStarted) event.getPayload();
    assertThat(started.getMode()).isEqualTo("code");
    assertThat(started.getNumPlayers()).isEqualTo(4);
    assertThat(started.getSpySeat()).isEqualTo(SPY).isBetween(1, 4);
    assertThat(started.getClueRounds()).isEqualTo(2);
    assertThat(started.getDecisionSamples()).isEqualTo(8);
    assertThat(started.getMaxAttempts()).isEqualTo(3);
    assertThat(started.getSpyImage()).isEqualTo(Games.MODIFIED);
    assertThat(started.getDecisionImage()).isEqualTo(Games.ORIGINAL);
    assertThat(started.getRequestId()).isEqualTo("eval/run/1");
    assertThat(started.getTags()).containsExactly(
        org.assertj.core.api.Assertions.entry("a", "z"), org.assertj.core.api.Assertions.entry("arm", "b"));

    assertThat(decision.turnRequests()).hasSize(1);
    TurnRequested first = decision.turnRequests().get(0);
    assertThat(first.getEventId()).isEqualTo(GAME + "/0/1");
    assertThat(first.getTurn()).isZero();
    assertThat(first.getAttempt()).isEqualTo(1);
    assertThat(first.getKind()).isEqualTo(TurnKind.CLUE);
    assertThat(first.getSeat()).isEqualTo(1);
    assertThat(first.getRound()).isEqualTo(1);
    assertThat(first.getRole()).isEqualTo(SPY == 1 ? Role.SPY : Role.CIVILIAN);
    assertThat(first.getImage()).isEqualTo(SPY == 1 ? Games.MODIFIED : Games.ORIGINAL);
    assertThat(first.getPolicy()).isEqualTo(SPY == 1 ? Games.SPY_POLICY : Games.POLICY);
    assertThat(first.getHistory()).isEmpty();
    assertThat(first.getSamples()).isEqualTo(1);
    assertThat(first.getTemperature()).isEqualTo(0.8f);
    assertThat(first.getSamplingSeed()).isEqualTo(Seeds.samplingSeed(SEED, 0, 1));
    assertThat(first.getOccurredAt()).isEqualTo(T0);
    assertThat(first.getDeadlineAt()).isEqualTo(T0.plusSeconds(30));
  }

  @Test
  void givenStartedGame_whenStartedAgain_thenNothingIsEmitted() {
    GameState state = started();

    Decision decision = decider.decide(state, Games.start(GAME, SEED));

    assertThat(decision.events()).isEmpty();
    assertThat(decision.turnRequests()).isEmpty();
    assertThat(decision.ignoredReason()).contains("already started");
  }

  @Test
  void givenFirstTurnDue_whenItsClueArrives_thenTheClueIsRecordedAndTheNextSeatIsRequested() {
    GameState state = started();
    GameEvent clue = Games.clue(GAME, 0, 1, 1, 1, T0.plusSeconds(2));

    Decision decision = decider.decide(state, new RecordClue(clue));

    assertThat(decision.events()).containsExactly(clue);
    assertThat(decision.turnRequests()).singleElement().satisfies(next -> {
      assertThat(next.getTurn()).isEqualTo(1);
      assertThat(next.getSeat()).isEqualTo(2);
      assertThat(next.getOccurredAt()).isEqualTo(T0.plusSeconds(2));
      assertThat(next.getDeadlineAt()).isEqualTo(T0.plusSeconds(32));
      assertThat(next.getHistory()).singleElement().satisfies(h -> {
        assertThat(h.getSeat()).isEqualTo(1);
        assertThat(h.getText()).isEqualTo("clue of seat 1 round 1");
        assertThat(h.getTokenIds()).containsExactly(1, 1);
      });
      assertThat(next.getOwnReasoning()).isEmpty();
    });
  }

  @Test
  void givenSecondRound_whenASeatSpeaksAgain_thenItSeesItsOwnReasoningButNeverOthers() {
    GameState state = playClues(started(), 4);

    TurnRequested request = TurnRequests.forTurn(state, 4, CODE);

    assertThat(request.getSeat()).isEqualTo(1);
    assertThat(request.getRound()).isEqualTo(2);
    assertThat(request.getHistory()).extracting(h -> h.getSeat() + "/" + h.getRound())
        .containsExactly("1/1", "2/1", "3/1", "4/1");
    assertThat(request.getOwnReasoning()).containsExactly("reasoning of seat 1 round 1");
  }

  @Test
  void givenAnsweredTurn_whenTheSameAnswerArrivesAgain_thenItIsIgnoredAsDuplicate() {
    GameEvent clue = Games.clue(GAME, 0, 1, 1, 1, T0.plusSeconds(2));
    GameState state = decider.decide(started(), new RecordClue(clue)).applyTo(started());

    Decision decision = decider.decide(state, new RecordClue(clue));

    assertThat(decision.events()).isEmpty();
    assertThat(decision.turnRequests()).isEmpty();
    assertThat(decision.ignoredReason()).startsWith("duplicate");
  }

  @Test
  void givenATurnDue_whenAnswersDoNotFitIt_thenEachIsIgnoredWithItsReason() {
    GameState state = started();

    assertIgnored(state, Games.clue(GAME, 0, 2, 1, 1, T0),
        "unrequested: attempt 2 of turn 0 was never requested (current attempt is 1)");
    assertIgnored(state, Games.clue(GAME, 0, 1, 2, 1, T0), "seat 2 is not due at turn 0 (seat 1 is)");
    assertIgnored(state, Games.clue(GAME, 0, 1, 1, 2, T0), "round 2 does not match turn 0");
    assertIgnored(state, Games.clue(GAME, 1, 1, 2, 1, T0), "turn 1 is not due yet");
    assertIgnored(state, Games.clue(GAME, 99, 1, 1, 1, T0), "game has no turn 99");
    assertIgnored(state, Games.clue(GAME, 8, 1, 0, 0, T0), "turn 8 is a DECISION turn, not CLUE");
    assertIgnored(state, Games.clue("other-game", 0, 1, 1, 1, T0), "is for game other-game");
    assertIgnored(GameState.empty(), Games.clue(GAME, 0, 1, 1, 1, T0), "game is NOT_STARTED");
  }

  @Test
  void givenLastClue_whenItArrives_thenTheObserverIsRequestedWithEightSamplesAndEveryClue() {
    GameState state = playClues(started(), 7);

    Decision decision = decider.decide(state, new RecordClue(Games.clue(GAME, 7, 1, 4, 2, T0.plusSeconds(9))));

    assertThat(decision.events()).hasSize(1);
    assertThat(decision.turnRequests()).singleElement().satisfies(observer -> {
      assertThat(observer.getTurn()).isEqualTo(8);
      assertThat(observer.getKind()).isEqualTo(TurnKind.DECISION);
      assertThat(observer.getSeat()).isZero();
      assertThat(observer.getRound()).isZero();
      assertThat(observer.getRole()).isEqualTo(Role.OBSERVER);
      assertThat(observer.getSamples()).isEqualTo(8);
      assertThat(observer.getImage()).isEqualTo(Games.ORIGINAL);
      assertThat(observer.getPolicy()).isEqualTo(Games.REFEREE);
      assertThat(observer.getHistory()).hasSize(8);
      assertThat(observer.getOwnReasoning()).isEmpty();
    });
  }

  @Test
  void givenObserverDue_whenTheWrongNumberOfSamplesArrives_thenItIsIgnored() {
    GameState state = playClues(started(), 8);

    assertIgnored(state, Games.decision(GAME, 8, 1, 0, Games.votes(0, SPY, SPY), T0),
        "turn 8 needs 8 samples, got 2");
    assertIgnored(state, Games.decision(GAME, 8, 1, 2, Games.votes(2, 1, 1, 1, 1, 1, 1, 1, 1), T0),
        "seat 2 is not due at turn 8 (seat 0 is)");
    assertIgnored(state, Games.decision(GAME, 3, 1, 0, Games.votes(0, SPY), T0), "turn 3 is a CLUE turn");
  }

  @Test
  void givenObserverDue_whenItsSamplesArrive_thenTheGameCompletesWithTheOutcomeAndNothingElse() {
    GameState state = playClues(started(), 8);
    int civilian = SPY == 1 ? 2 : 1;
    GameEvent answer = Games.decision(GAME, 8, 1, 0,
        Games.votes(0, SPY, SPY, SPY, SPY, SPY, civilian, 0, -1), T0.plusSeconds(20));

    Decision decision = decider.decide(state, new RecordDecision(answer));

    assertThat(decision.turnRequests()).isEmpty();
    assertThat(decision.events()).hasSize(2);
    assertThat(decision.events().get(0)).isEqualTo(answer);
    GameEvent completed = decision.events().get(1);
    assertThat(completed.getEventId()).isEqualTo(GAME + "/completed");
    assertThat(completed.getOccurredAt()).isEqualTo(T0.plusSeconds(20));
    Outcome outcome = ((GameCompleted) completed.getPayload()).getOutcome();
    assertThat(outcome.getSpySeat()).isEqualTo(SPY);
    assertThat(outcome.getVotesPerSeat().get(SPY - 1)).isEqualTo(5);
    assertThat(outcome.getVotesPerSeat().get(civilian - 1)).isEqualTo(1);
    assertThat(outcome.getAbstentions()).isEqualTo(1);
    assertThat(outcome.getInvalidVotes()).isEqualTo(1);
    assertThat(outcome.getTotalVotes()).isEqualTo(8);
    assertThat(outcome.getWinner()).isEqualTo(Winner.CIVILIANS);
    assertThat(outcome.getDecisionAccuracy()).isEqualTo(5.0 / 8);

    GameState done = decision.applyTo(state);
    assertThat(done.status()).isEqualTo(GameState.Status.COMPLETED);
    assertThat(done.outcome()).isEqualTo(outcome);
    assertThat(done.pending()).isEmpty();
    assertIgnored(done, answer, "game is COMPLETED");
  }

  @Test
  void givenPendingTurn_whenCheckedBeforeItsDeadline_thenNothingIsEmitted() {
    Decision decision = decider.decide(started(), new CheckTimeouts(T0.plusMillis(29_999)));

    assertThat(decision.events()).isEmpty();
    assertThat(decision.turnRequests()).isEmpty();
    assertThat(decision.isIgnored()).isFalse();
  }

  @Test
  void givenPendingTurn_whenItsDeadlinePasses_thenItIsRetriedWithTheNextAttempt() {
    Instant now = T0.plusSeconds(30);

    Decision decision = decider.decide(started(), new CheckTimeouts(now));

    assertThat(decision.events()).singleElement().satisfies(event -> {
      assertThat(event.getEventId()).isEqualTo(GAME + "/0/2/retry");
      assertThat(event.getOccurredAt()).isEqualTo(now);
      assertThat(event.getPayload()).isEqualTo(new TurnRetried(0, 2, "timeout after 30000 ms"));
    });
    assertThat(decision.turnRequests()).singleElement().satisfies(retry -> {
      assertThat(retry.getEventId()).isEqualTo(GAME + "/0/2");
      assertThat(retry.getAttempt()).isEqualTo(2);
      assertThat(retry.getSamplingSeed()).isEqualTo(Seeds.samplingSeed(SEED, 0, 2))
          .isNotEqualTo(Seeds.samplingSeed(SEED, 0, 1));
      assertThat(retry.getDeadlineAt()).isEqualTo(now.plusSeconds(30));
    });
  }

  @Test
  void givenRetriedTurn_whenTheOldAttemptAnswersFirst_thenItCountsAndTheNewAttemptIsADuplicate() {
    GameState retried = decider.decide(started(), new CheckTimeouts(T0.plusSeconds(31))).applyTo(started());
    GameEvent late = Games.clue(GAME, 0, 1, 1, 1, T0.plusSeconds(32));

    Decision decision = decider.decide(retried, new RecordClue(late));

    assertThat(decision.events()).containsExactly(late);
    assertThat(decision.turnRequests()).extracting(TurnRequested::getTurn).containsExactly(1);
    GameState answered = decision.applyTo(retried);
    assertThat(answered.clues()).containsExactly((ClueGiven) late.getPayload());
    assertIgnored(answered, Games.clue(GAME, 0, 2, 1, 1, T0.plusSeconds(33)), "duplicate: turn 0 is already answered");
  }

  @Test
  void givenRetriedTurn_whenTheNewAttemptAnswersFirst_thenItCountsAndTheOldOneIsADuplicate() {
    GameState retried = decider.decide(started(), new CheckTimeouts(T0.plusSeconds(31))).applyTo(started());
    GameEvent fresh = Games.clue(GAME, 0, 2, 1, 1, T0.plusSeconds(33));

    GameState answered = decider.decide(retried, new RecordClue(fresh)).applyTo(retried);

    assertThat(answered.clues()).containsExactly((ClueGiven) fresh.getPayload());
    assertIgnored(answered, Games.clue(GAME, 0, 1, 1, 1, T0.plusSeconds(34)), "duplicate: turn 0 is already answered");
  }

  @Test
  void givenACoordinatorLiveOnlySinceARestart_whenChecked_thenDeadlinesCountFromTheRestart() {
    // turn 0 opened at T0 (deadline T0+30 s); the coordinator was down and caught up with its input at T0+100 s
    Instant liveSince = T0.plusSeconds(100);

    Decision early = decider.decide(started(), new CheckTimeouts(T0.plusSeconds(129), liveSince));
    Decision due = decider.decide(started(), new CheckTimeouts(T0.plusSeconds(130), liveSince));

    assertThat(early.events()).isEmpty();
    assertThat(early.turnRequests()).isEmpty();
    assertThat(due.events()).singleElement().satisfies(event ->
        assertThat(event.getPayload()).isEqualTo(new TurnRetried(0, 2, "timeout after 30000 ms")));
    assertThat(TurnRequests.deadline(started().pending().get(0), CODE, liveSince))
        .isEqualTo(T0.plusSeconds(130));
    assertThat(TurnRequests.deadline(started().pending().get(0), CODE, T0.minusSeconds(5)))
        .isEqualTo(T0.plusSeconds(30));
  }

  @Test
  void givenLastAttemptExpired_whenChecked_thenTheGameIsAbortedAndNothingElse() {
    GameState state = started();
    Instant now = T0;
    for (int attempt = 1; attempt < 3; attempt++) {
      now = now.plusSeconds(30);
      state = decider.decide(state, new CheckTimeouts(now)).applyTo(state);
    }
    Instant end = now.plusSeconds(30);

    Decision decision = decider.decide(state, new CheckTimeouts(end));

    assertThat(decision.turnRequests()).isEmpty();
    assertThat(decision.events()).singleElement().satisfies(event -> {
      assertThat(event.getEventId()).isEqualTo(GAME + "/aborted");
      assertThat(event.getPayload()).isEqualTo(new GameAborted(0, 3, "turn 0 unanswered after 3 attempts"));
    });
    GameState aborted = decision.applyTo(state);
    assertThat(aborted.status()).isEqualTo(GameState.Status.ABORTED);
    assertThat(aborted.abort().getAttempts()).isEqualTo(3);
    assertThat(decider.decide(aborted, new CheckTimeouts(end.plusSeconds(60))).events()).isEmpty();
  }

  @Test
  void givenCustomTimeoutAndAttempts_whenChecked_thenTheyApply() {
    GameDecider patient = new GameDecider(CODE.toBuilder().maxAttempts(1).turnTimeout(Duration.ofSeconds(5)).build());
    GameState state = patient.decide(GameState.empty(), Games.start(GAME, SEED)).applyTo(GameState.empty());

    assertThat(state.started().getMaxAttempts()).isEqualTo(1);
    assertThat(patient.decide(state, new CheckTimeouts(T0.plusSeconds(4))).events()).isEmpty();
    assertThat(patient.decide(state, new CheckTimeouts(T0.plusSeconds(5))).events())
        .singleElement().satisfies(e -> assertThat(e.getPayload()).isInstanceOf(GameAborted.class));
  }

  @Test
  void givenPaperMode_whenTheCluesAreDone_thenEveryCivilianVotesAtOnceAndTheSpySeesABlankImage() {
    GameDecider paper = new GameDecider(GameConfig.paper());
    GameState state = paper.decide(GameState.empty(), Games.start(GAME, SEED)).applyTo(GameState.empty());
    int spy = state.started().getSpySeat();
    assertThat(state.started().getMode()).isEqualTo("paper");
    assertThat(state.started().getSpyImage()).isNull();
    assertThat(state.started().getDecisionMode()).isEqualTo(org.visionzero.events.DecisionMode.CIVILIAN_VOTES);

    Decision lastClue = null;
    for (int turn = 0; turn < 10; turn++) {
      TurnRequested request = TurnRequests.pending(state, GameConfig.paper()).get(0);
      if (request.getRole() == Role.SPY) {
        assertThat(request.getImage()).isNull();
      }
      lastClue = paper.decide(state, new RecordClue(Games.answer(request, new Random(1), T0.plusSeconds(turn))));
      state = lastClue.applyTo(state);
    }

    assertThat(lastClue.turnRequests()).hasSize(4)
        .allSatisfy(r -> assertThat(r.getRole()).isEqualTo(Role.CIVILIAN))
        .allSatisfy(r -> assertThat(r.getSamples()).isEqualTo(1))
        .allSatisfy(r -> assertThat(r.getOwnReasoning()).hasSize(2))
        .extracting(TurnRequested::getSeat).doesNotContain(spy).doesNotHaveDuplicates();
    List<TurnRequested> votes = lastClue.turnRequests();
    for (int i = votes.size() - 1; i >= 0; i--) {
      TurnRequested vote = votes.get(i);
      Decision decision = paper.decide(state, new RecordDecision(
          Games.decision(GAME, vote.getTurn(), 1, vote.getSeat(), Games.votes(vote.getSeat(), spy), T0)));
      assertThat(decision.turnRequests()).isEmpty();
      assertThat(decision.events()).hasSize(i == 0 ? 2 : 1);
      state = decision.applyTo(state);
    }
    assertThat(state.outcome().getDecisionAccuracy()).isEqualTo(1.0);
    assertThat(state.outcome().getTotalVotes()).isEqualTo(4);
  }

  @Test
  void givenNoImageControl_whenStarted_thenTheDecisionStageSeesABlankImage() {
    GameState state = decider.decide(GameState.empty(), Games.start(GAME, SEED, true)).applyTo(GameState.empty());
    state = playClues(state, 8);

    assertThat(TurnRequests.forTurn(state, 8, CODE).getImage()).isNull();
  }

  @Test
  void shouldRejectCommandsThatCarryTheWrongPayload() {
    GameEvent clue = Games.clue(GAME, 0, 1, 1, 1, T0);
    GameEvent vote = Games.decision(GAME, 8, 1, 0, Games.votes(0, 1), T0);

    assertThatThrownBy(() -> new RecordDecision(clue)).hasMessageContaining("must carry a DecisionSampled");
    assertThatThrownBy(() -> new RecordClue(vote)).hasMessageContaining("must carry a ClueGiven");
    assertThat(GameCommand.recordAnswer(vote)).isEqualTo(new RecordDecision(vote));
    assertThat(GameCommand.recordAnswer(clue)).isEqualTo(new RecordClue(clue));
    assertThatThrownBy(() -> TurnRequests.forTurn(started(), 3, CODE)).hasMessageContaining("is not due");
  }

  private void assertIgnored(GameState state, GameEvent answer, String reason) {
    Decision decision = decider.decide(state, GameCommand.recordAnswer(answer));
    assertThat(decision.events()).as(reason).isEmpty();
    assertThat(decision.turnRequests()).as(reason).isEmpty();
    assertThat(decision.ignoredReason()).contains(reason);
    if (!state.isStarted() || state.gameId().equals(answer.getGameId())) {
      assertThat(GameEvolver.evolve(state, answer)).isEqualTo(state);
    }
  }

  private GameState started() {
    return decider.decide(GameState.empty(), Games.start(GAME, SEED)).applyTo(GameState.empty());
  }

  private GameState playClues(GameState state, int turns) {
    GameState current = state;
    for (int turn = 0; turn < turns; turn++) {
      int seat = turn % 4 + 1;
      int round = turn / 4 + 1;
      Decision decision = decider.decide(current, new RecordClue(
          Games.clue(GAME, turn, 1, seat, round, T0.plusSeconds(turn + 1))));
      assertThat(decision.isIgnored()).isFalse();
      current = decision.applyTo(current);
    }
    return current;
  }
}
