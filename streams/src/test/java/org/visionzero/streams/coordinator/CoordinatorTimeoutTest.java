package org.visionzero.streams.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.visionzero.events.GameAborted;
import org.visionzero.events.GameEvent;
import org.visionzero.events.TurnRequested;
import org.visionzero.events.TurnRetried;
import org.visionzero.game.testing.Events;
import org.visionzero.streams.config.CoordinatorConfig;
import org.visionzero.streams.testing.CoordinatorHarness;

/**
 * Wall-clock turn timeouts: retry with the next attempt, late answers to an earlier attempt, abort after the
 * last attempt, and no retry for a turn whose answer waits in the backlog of a restarted coordinator.
 */
class CoordinatorTimeoutTest {
  private static final String GAME = "g-p1-0-1";
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Duration TICK = Duration.ofSeconds(1);

  @Test
  void shouldNotRetryBeforeTheDeadline() {
    try (CoordinatorHarness coordinator = started(3)) {
      coordinator.turns();

      coordinator.advance(TIMEOUT.minus(TICK));

      assertThat(coordinator.turns()).isEmpty();
      assertThat(coordinator.events()).isEmpty();
    }
  }

  @Test
  void shouldRetryUnansweredTurnWithNextAttemptAndLetTheFirstAnswerOfEitherAttemptCount() {
    try (CoordinatorHarness coordinator = started(3)) {
      // given turn 0, attempt 1, requested and unanswered
      TurnRequested attempt1 = coordinator.turns().get(0);

      // when its deadline passes
      coordinator.advance(TIMEOUT.plus(TICK));

      // then a TurnRetried event and a request for attempt 2 are written
      List<GameEvent> events = coordinator.events();
      assertThat(events).singleElement().satisfies(event -> {
        assertThat(event.getEventId()).isEqualTo(GAME + "/0/2/retry");
        assertThat(((TurnRetried) event.getPayload()).getAttempt()).isEqualTo(2);
      });
      List<TurnRequested> retried = coordinator.turns();
      assertThat(retried).singleElement().satisfies(turn -> {
        assertThat(turn.getTurn()).isZero();
        assertThat(turn.getAttempt()).isEqualTo(2);
        assertThat(turn.getEventId()).isEqualTo(GAME + "/0/2");
      });
      assertThat(coordinator.counter(CoordinatorMetrics.TURNS_RETRIED)).isEqualTo(1.0);

      // when the late answer to attempt 1 arrives first, then it counts and the game moves on to turn 1
      GameEvent late = Events.clue(attempt1, coordinator.now());
      coordinator.answer(late);
      assertThat(coordinator.turns()).extracting(TurnRequested::getTurn).containsExactly(1);

      // when attempt 2 is answered too, then that answer is a duplicate
      coordinator.answer(Events.clue(retried.get(0), coordinator.now()));
      assertThat(coordinator.turns()).isEmpty();
      assertThat(coordinator.counter(CoordinatorMetrics.RECORDS_IGNORED, "reason", "duplicate")).isEqualTo(1.0);
    }
  }

  @Test
  void shouldAbortGameAfterLastAttemptAndFreeItsSlotForTheWaitingPair() {
    try (CoordinatorHarness coordinator = new CoordinatorHarness(Map.of(
        CoordinatorConfig.TURN_TIMEOUT_MS, TIMEOUT.toMillis(),
        CoordinatorConfig.MAX_ATTEMPTS, 2,
        CoordinatorConfig.MAX_GAMES_IN_FLIGHT, 1))) {
      // given one game in flight (max 1) and a second pair waiting
      coordinator.pair(Events.pair("p1"));
      coordinator.pair(Events.pair("p2"));
      assertThat(coordinator.events()).extracting(GameEvent::getEventId).containsExactly(GAME + "/started");

      // when attempt 1 and then attempt 2 (the last) time out
      coordinator.advance(TIMEOUT.plus(TICK));
      coordinator.advance(TIMEOUT.plus(TICK));

      // then the game is aborted with the reason, and the waiting pair starts
      List<GameEvent> events = coordinator.events();
      assertThat(events).extracting(GameEvent::getEventId)
          .containsExactly(GAME + "/0/2/retry", GAME + "/aborted", "g-p2-0-1/started");
      GameAborted aborted = (GameAborted) events.get(1).getPayload();
      assertThat(aborted.getTurn()).isZero();
      assertThat(aborted.getAttempts()).isEqualTo(2);
      assertThat(aborted.getReason()).isEqualTo("turn 0 unanswered after 2 attempts");
      assertThat(coordinator.counter(CoordinatorMetrics.GAMES_ABORTED)).isEqualTo(1.0);
      assertThat(coordinator.gauge(CoordinatorMetrics.GAMES_IN_FLIGHT)).isEqualTo(1.0);

      // when the aborted game's last request is answered late, then it is ignored
      List<TurnRequested> turns = coordinator.turns();
      TurnRequested lastAttempt = turns.stream().filter(t -> t.getGameId().equals(GAME))
          .reduce((a, b) -> b).orElseThrow();
      coordinator.answer(Events.clue(lastAttempt, coordinator.now()));
      assertThat(coordinator.turns()).isEmpty();
      assertThat(coordinator.counter(CoordinatorMetrics.RECORDS_IGNORED, "reason", "not-running")).isEqualTo(1.0);
    }
  }

  @Test
  void shouldFoldAbortWrittenElsewhereAndStartTheWaitingPair() {
    try (CoordinatorHarness coordinator = new CoordinatorHarness(Map.of(CoordinatorConfig.MAX_GAMES_IN_FLIGHT, 1))) {
      // given one game in flight and a waiting pair
      coordinator.pair(Events.pair("p1"));
      coordinator.pair(Events.pair("p2"));
      coordinator.events();

      // when an operator's tool writes GameAborted for the running game
      coordinator.answer(GameEvent.newBuilder().setEventId(GAME + "/aborted").setOccurredAt(coordinator.now())
          .setGameId(GAME).setPayload(new GameAborted(0, 1, "aborted by an operator")).build());

      // then the coordinator folds it, frees the slot and starts the waiting pair
      assertThat(coordinator.events()).extracting(GameEvent::getEventId).containsExactly("g-p2-0-1/started");
      assertThat(coordinator.storedGameBytes(GAME)).isEqualTo(1);
    }
  }

  @Test
  void givenARestartAfterTheDeadline_whenTheAnswerWaitsInTheBacklog_thenItIsFoldedAndNotRetried() {
    // a previous run started the game at T0 and a worker answered turn 0 at T0+5 s; this coordinator starts a
    // minute later (deadline of turn 0: T0+10 s, long past) and reads both from its backlog
    List<GameEvent> previousRun;
    TurnRequested turn0;
    try (CoordinatorHarness before = started(3)) {
      previousRun = before.events();
      previousRun.addAll(before.written);
      turn0 = before.turns().get(0);
    }
    GameEvent started = previousRun.stream().filter(e -> e.getEventId().equals(GAME + "/started")).findFirst()
        .orElseThrow();
    Instant restart = Events.T0.plusSeconds(60);
    try (CoordinatorHarness coordinator = new CoordinatorHarness(Map.of(
        CoordinatorConfig.TURN_TIMEOUT_MS, TIMEOUT.toMillis(), CoordinatorConfig.MAX_ATTEMPTS, 3), restart)) {
      coordinator.backlog(started, Events.T0);
      coordinator.turns();

      // when a punctuation comes before the backlog's answer is read, then turn 0 is not retried
      coordinator.advance(TICK);
      assertThat(coordinator.events()).isEmpty();
      coordinator.backlog(Events.clue(turn0, Events.T0.plusSeconds(5)), Events.T0.plusSeconds(5));

      // then the answer counts and turn 1 is requested, with no retry anywhere
      assertThat(coordinator.turns()).extracting(TurnRequested::getTurn).containsExactly(1);
      assertThat(coordinator.events()).isEmpty();
      assertThat(coordinator.counter(CoordinatorMetrics.TURNS_RETRIED)).isZero();

      // when the input stays idle, the coordinator is live, and turn 1's clock starts then, not at T0+5 s
      coordinator.advance(TICK.multipliedBy(2)); // live at restart + 3 s
      coordinator.advance(TIMEOUT.minus(TICK));
      assertThat(coordinator.events()).isEmpty();
      coordinator.advance(TICK.multipliedBy(2));
      assertThat(coordinator.events()).extracting(GameEvent::getEventId).containsExactly(GAME + "/1/2/retry");
    }
  }

  private static CoordinatorHarness started(int maxAttempts) {
    CoordinatorHarness coordinator = new CoordinatorHarness(Map.of(
        CoordinatorConfig.TURN_TIMEOUT_MS, TIMEOUT.toMillis(),
        CoordinatorConfig.MAX_ATTEMPTS, maxAttempts));
    coordinator.pair(Events.pair("p1"));
    assertThat(coordinator.events()).extracting(GameEvent::getEventId).containsExactly(GAME + "/started");
    return coordinator;
  }
}
