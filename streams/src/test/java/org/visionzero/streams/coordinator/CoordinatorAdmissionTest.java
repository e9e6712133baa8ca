package org.visionzero.streams.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.visionzero.events.GameEvent;
import org.visionzero.events.GameRequested;
import org.visionzero.events.GameStarted;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.Purpose;
import org.visionzero.events.TurnRequested;
import org.visionzero.game.testing.Events;
import org.visionzero.streams.config.CoordinatorConfig;
import org.visionzero.streams.testing.CoordinatorHarness;

/** Admission: backpressure, pair order, re-deliveries, held-out pairs, checkpoints, evaluation requests. */
class CoordinatorAdmissionTest {

  @Test
  void shouldHoldPairsBeyondTheBoundAndStartThemInOrderAsGamesComplete() {
    try (CoordinatorHarness coordinator = new CoordinatorHarness(Map.of(CoordinatorConfig.MAX_GAMES_IN_FLIGHT, 2))) {
      // given room for two games and four pairs
      for (String pair : List.of("p1", "p2", "p3", "p4")) {
        coordinator.pair(Events.pair(pair));
      }

      // then two games start and two pairs wait
      assertThat(coordinator.events()).extracting(GameEvent::getGameId).containsExactly("g-p1-0-1", "g-p2-0-1");
      assertThat(coordinator.gauge(CoordinatorMetrics.GAMES_IN_FLIGHT)).isEqualTo(2.0);
      assertThat(coordinator.gauge(CoordinatorMetrics.GAMES_WAITING)).isEqualTo(2.0);

      // when the second game completes
      List<TurnRequested> first = coordinator.turns();
      coordinator.playGame("g-p2-0-1", first, true);

      // then exactly the oldest waiting pair starts
      assertThat(coordinator.events()).extracting(GameEvent::getEventId)
          .containsExactly("g-p2-0-1/completed", "g-p3-0-1/started");
      assertThat(coordinator.gauge(CoordinatorMetrics.GAMES_IN_FLIGHT)).isEqualTo(2.0);
      assertThat(coordinator.gauge(CoordinatorMetrics.GAMES_WAITING)).isEqualTo(1.0);
    }
  }

  @Test
  void shouldStartNoSecondGameWhenPairIsDeliveredAgain() {
    try (CoordinatorHarness coordinator = new CoordinatorHarness(Map.of())) {
      coordinator.pair(Events.pair("p1"));
      coordinator.pair(Events.pair("p1"));

      assertThat(coordinator.events()).extracting(GameEvent::getGameId).containsExactly("g-p1-0-1");
      assertThat(coordinator.counter(CoordinatorMetrics.RECORDS_IGNORED, "reason", "duplicate")).isEqualTo(1.0);
    }
  }

  @Test
  void shouldNeverStartTrainingGameFromHeldOutPair() {
    try (CoordinatorHarness coordinator = new CoordinatorHarness(Map.of())) {
      coordinator.pair(Events.pair("held", true));

      assertThat(coordinator.events()).isEmpty();
      assertThat(coordinator.turns()).isEmpty();
    }
  }

  @Test
  void shouldPlayTrainingGamesWithTheLatestCheckpointVersion() {
    try (CoordinatorHarness coordinator = new CoordinatorHarness(Map.of())) {
      // given checkpoints 3 then, late, an older 2
      coordinator.checkpoint(Events.checkpoint("vz", 3));
      coordinator.checkpoint(Events.checkpoint("vz", 2));

      // when a pair arrives
      coordinator.pair(Events.pair("p1"));

      // then every seat plays version 3
      GameStarted started = coordinator.started("g-p1-3-1");
      assertThat(List.of(started.getCivilianPolicy(), started.getSpyPolicy(), started.getDecisionPolicy()))
          .containsOnly(new PolicyRef("vz", 3));
      assertThat(coordinator.turns()).singleElement()
          .satisfies(turn -> assertThat(turn.getPolicy()).isEqualTo(new PolicyRef("vz", 3)));
    }
  }

  @Test
  void shouldPlayEvaluationGameWithPinnedSeatPoliciesOnHeldOutPair() {
    try (CoordinatorHarness coordinator = new CoordinatorHarness(Map.of())) {
      // given a held-out pair, checkpoint vz:4, and a request pinning every seat
      coordinator.pair(Events.pair("held", true));
      coordinator.checkpoint(Events.checkpoint("vz", 4));
      GameRequested request = Events.request("eval/run-1/7", "held", new PolicyRef("random", 0),
          new PolicyRef("vz", -1), new PolicyRef("oracle", 0));

      // when the request arrives, twice
      coordinator.request(request);
      coordinator.request(request);

      // then one evaluation game starts, with "current" resolved to vz:4 and the request's tags
      String gameId = GameIds.requested("eval/run-1/7");
      assertThat(coordinator.events()).extracting(GameEvent::getGameId).containsExactly(gameId);
      GameStarted started = coordinator.started(gameId);
      assertThat(started.getPurpose()).isEqualTo(Purpose.EVALUATION);
      assertThat(started.getRequestId()).isEqualTo("eval/run-1/7");
      assertThat(started.getTags()).containsEntry("arm", "test");
      assertThat(started.getCivilianPolicy()).isEqualTo(new PolicyRef("random", 0));
      assertThat(started.getSpyPolicy()).isEqualTo(new PolicyRef("vz", 4));
      assertThat(started.getDecisionPolicy()).isEqualTo(new PolicyRef("oracle", 0));

      // when the game is played, then each seat's turns ask for its pinned policy
      List<TurnRequested> played = coordinator.playAll(coordinator.turns(), true);
      int spy = started.getSpySeat();
      assertThat(played).allSatisfy(turn -> {
        PolicyRef expected = turn.getKind() == org.visionzero.events.TurnKind.DECISION
            ? new PolicyRef("oracle", 0)
            : turn.getSeat() == spy ? new PolicyRef("vz", 4) : new PolicyRef("random", 0);
        assertThat(turn.getPolicy()).isEqualTo(expected);
        assertThat(turn.getPurpose()).isEqualTo(Purpose.EVALUATION);
      });
      assertThat(coordinator.events()).extracting(GameEvent::getEventId).containsExactly(gameId + "/completed");
      assertThat(coordinator.counter(CoordinatorMetrics.GAMES_STARTED, "purpose", "evaluation")).isEqualTo(1.0);
    }
  }

  @Test
  void shouldDeadLetterRequestForUnknownPair() {
    try (CoordinatorHarness coordinator = new CoordinatorHarness(Map.of())) {
      coordinator.request(Events.request("eval/run-1/1", "nowhere", new PolicyRef("vz", 0),
          new PolicyRef("vz", 0), new PolicyRef("vz", 0)));

      assertThat(coordinator.events()).isEmpty();
      assertThat(coordinator.deadLetters()).singleElement().satisfies(letter -> {
        assertThat(letter.getSourceTopic()).isEqualTo("vz.game-requests");
        assertThat(letter.getError()).contains("names pair nowhere");
      });
    }
  }

  @Test
  void shouldDeriveDistinctDeterministicIdsFromRequestIds() {
    assertThat(GameIds.requested("eval/a/1")).isEqualTo(GameIds.requested("eval/a/1"))
        .startsWith("r-eval_a_1-")
        .isNotEqualTo(GameIds.requested("eval_a_1"));
    assertThat(GameIds.training("p", 3, 2)).isEqualTo("g-p-3-2");
  }
}
