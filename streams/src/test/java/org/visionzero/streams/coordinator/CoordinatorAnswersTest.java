package org.visionzero.streams.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.visionzero.events.DeadLetter;
import org.visionzero.events.GameEvent;
import org.visionzero.events.TurnRequested;
import org.visionzero.game.testing.Events;
import org.visionzero.streams.testing.CoordinatorHarness;

/** Answers that must not corrupt a game: duplicates, stale attempts, wrong seats, early turns, poison. */
class CoordinatorAnswersTest {
  private static final String GAME = "g-p1-0-1";

  @Test
  void shouldIgnoreAndCountDuplicateAnswerWithoutRequestingAnyTurnTwice() {
    try (CoordinatorHarness coordinator = started()) {
      // given turn 0 was answered and turn 1 requested
      TurnRequested turn0 = coordinator.turns().get(0);
      GameEvent answer = Events.clue(turn0, coordinator.now());
      coordinator.answer(answer);
      assertThat(coordinator.turns()).extracting(TurnRequested::getTurn).containsExactly(1);

      // when the worker's answer is delivered again
      coordinator.answer(answer);

      // then nothing is written and the duplicate is counted
      assertThat(coordinator.turns()).isEmpty();
      assertThat(coordinator.events()).isEmpty();
      assertThat(coordinator.counter(CoordinatorMetrics.RECORDS_IGNORED, "reason", "duplicate")).isEqualTo(1.0);
    }
  }

  @Test
  void shouldIgnoreGameStartedDeliveredAgain() {
    try (CoordinatorHarness coordinator = started()) {
      // given the game started and its first turn was requested
      assertThat(coordinator.turns()).hasSize(1);
      GameEvent start = coordinator.written.get(0);

      // when the GameStarted record is delivered again
      coordinator.answer(start);

      // then the game is not started twice: no new request, nothing written
      assertThat(coordinator.turns()).isEmpty();
      assertThat(coordinator.events()).isEmpty();
    }
  }

  @Test
  void shouldDeadLetterAnswerFromSeatThatIsNotDue() {
    try (CoordinatorHarness coordinator = started()) {
      // given turn 0 (seat 1) is due
      TurnRequested turn0 = coordinator.turns().get(0);

      // when seat 3 answers turn 0
      coordinator.answer(Events.clue(turn0, 3, 1, coordinator.now()));

      // then no worker answering a requested turn could have written it: a dead letter with the reason, and the
      // right seat still completes the turn
      assertThat(coordinator.turns()).isEmpty();
      assertThat(coordinator.deadLetters()).singleElement()
          .satisfies(letter -> assertThat(letter.getError()).contains("wrong-seat: ").contains("seat 3"));
      coordinator.answer(Events.clue(turn0, coordinator.now()));
      assertThat(coordinator.turns()).extracting(TurnRequested::getTurn).containsExactly(1);
    }
  }

  @Test
  void shouldDeadLetterOutOfOrderAnswerForTurnNotYetDueAndContinueInOrder() {
    try (CoordinatorHarness coordinator = started()) {
      // given turn 0 is due; a worker answers turn 1 (as seat 2) before it was requested
      TurnRequested turn0 = coordinator.turns().get(0);
      TurnRequested early = TurnRequested.newBuilder(turn0).setTurn(1).setSeat(2).build();
      coordinator.answer(Events.clue(early, coordinator.now()));

      // then it is dead-lettered as not due, and the game goes on from turn 0
      assertThat(coordinator.turns()).isEmpty();
      assertThat(coordinator.deadLetters()).singleElement()
          .satisfies(letter -> assertThat(letter.getError()).contains("turn-not-due: "));
      coordinator.answer(Events.clue(turn0, coordinator.now()));
      List<TurnRequested> next = coordinator.turns();
      assertThat(next).extracting(TurnRequested::getTurn).containsExactly(1);
      assertThat(next.get(0).getHistory()).hasSize(1);
    }
  }

  @Test
  void shouldDeadLetterAnswerForGameItNeverStarted() {
    try (CoordinatorHarness coordinator = started()) {
      TurnRequested turn0 = coordinator.turns().get(0);
      TurnRequested stranger = TurnRequested.newBuilder(turn0).setGameId("g-unknown-0-1").build();

      coordinator.answer(Events.clue(stranger, coordinator.now()));

      assertThat(coordinator.turns()).isEmpty();
      assertThat(coordinator.events()).isEmpty();
      assertThat(coordinator.deadLetters()).singleElement().satisfies(letter -> {
        assertThat(letter.getError()).contains("unknown-game: game g-unknown-0-1 was never started");
        assertThat(letter.getSourceTopic()).isEqualTo(coordinator.topics.gameEvents().name());
      });
      assertThat(coordinator.counter(CoordinatorMetrics.RECORDS_IGNORED, "reason", "not-running")).isZero();
    }
  }

  @Test
  void shouldDeadLetterUndecodableGameEventAndStillProcessTheNextRecord() {
    try (CoordinatorHarness coordinator = started()) {
      // given a due turn
      TurnRequested turn0 = coordinator.turns().get(0);
      byte[] poison = "not avro at all".getBytes(StandardCharsets.UTF_8);

      // when a poison record arrives on the game log, then a valid answer
      coordinator.raw(coordinator.topics.gameEvents(), GAME, poison);
      coordinator.answer(Events.clue(turn0, coordinator.now()));

      // then the poison is a dead letter with its source and bytes, and the answer still counts
      List<DeadLetter> dead = coordinator.deadLetters();
      assertThat(dead).singleElement().satisfies(letter -> {
        assertThat(letter.getComponent()).isEqualTo("coordinator");
        assertThat(letter.getSourceTopic()).isEqualTo(coordinator.topics.gameEvents().name());
        assertThat(letter.getSourceOffset()).isGreaterThanOrEqualTo(0L);
        assertThat(StandardCharsets.UTF_8.decode(letter.getValue()).toString()).isEqualTo("not avro at all");
        assertThat(letter.getError()).isNotBlank();
      });
      assertThat(coordinator.turns()).extracting(TurnRequested::getTurn).containsExactly(1);
      assertThat(coordinator.counter(CoordinatorMetrics.DEAD_LETTERS)).isEqualTo(1.0);
    }
  }

  @Test
  void shouldDeadLetterGameEventWhoseKeyIsNotItsGame() {
    try (CoordinatorHarness coordinator = started()) {
      TurnRequested turn0 = coordinator.turns().get(0);
      GameEvent answer = Events.clue(turn0, coordinator.now());

      coordinator.raw(coordinator.topics.gameEvents(), "some-other-key",
          coordinator.topics.gameEvents().valueSerde().serializer().serialize("", answer));

      assertThat(coordinator.deadLetters()).singleElement()
          .satisfies(letter -> assertThat(letter.getError()).contains("is not the event's gameId"));
      assertThat(coordinator.turns()).isEmpty();
    }
  }

  @Test
  void shouldDeadLetterUndecodableImagePairAndStillStartTheNextPair() {
    try (CoordinatorHarness coordinator = new CoordinatorHarness(Map.of())) {
      coordinator.raw(coordinator.topics.imagePairs(), "broken", new byte[] {(byte) 0xC3, 0x01, 0x00});
      coordinator.pair(Events.pair("p2"));

      assertThat(coordinator.deadLetters()).singleElement()
          .satisfies(letter -> assertThat(letter.getSourceTopic()).isEqualTo("vz.image-pairs"));
      assertThat(coordinator.events()).extracting(GameEvent::getGameId).containsExactly("g-p2-0-1");
    }
  }

  private static CoordinatorHarness started() {
    CoordinatorHarness coordinator = new CoordinatorHarness(Map.of());
    coordinator.pair(Events.pair("p1"));
    assertThat(coordinator.events()).extracting(GameEvent::getEventId).containsExactly(GAME + "/started");
    return coordinator;
  }
}
