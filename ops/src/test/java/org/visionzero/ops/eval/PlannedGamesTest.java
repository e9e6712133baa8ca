package org.visionzero.ops.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.visionzero.events.GameRequested;
import org.visionzero.events.PolicyRef;

class PlannedGamesTest {

  private static final Instant NOW = Instant.parse("2026-12-06T02:00:00Z");

  private final PlannedGames games = new PlannedGames("run-a", "vz");
  private final HeldOutPairs pairs = new HeldOutPairs();

  @Test
  void shouldCycleThroughThePairsAndNameTheRound() {
    pairs.add(EvalEvents.heldOutPair("a"));
    pairs.add(EvalEvents.heldOutPair("b"));
    EvaluationPlan plan = new EvaluationPlan(4, "p9", List.of(EvalArm.DECISION), 3, Map.of());

    List<GameRequested> batch = games.take(plan, pairs, OptionalInt.empty(), window(10), NOW);

    assertThat(batch).extracting(GameRequested::getPairId).containsExactly("a", "b", "a");
    assertThat(batch).extracting(GameRequested::getEventId).containsExactly("eval/run-a/v4/decision/p9-0/a",
        "eval/run-a/v4/decision/p9-0/b", "eval/run-a/v4/decision/p9-1/a");
    assertThat(batch.get(0).getDecisionPolicy()).isEqualTo(new PolicyRef("vz", 4));
    assertThat(batch.get(0).getCivilianPolicy()).isEqualTo(new PolicyRef("vz", 0));
    assertThat(batch.get(0).getOccurredAt()).isEqualTo(NOW);
    assertThat(plan.done()).isTrue();
  }

  @Test
  void shouldRequestNoMoreThanTheWindowHasRoomFor() {
    pairs.add(EvalEvents.heldOutPair("a"));
    EvaluationPlan plan = new EvaluationPlan(1, "p1", List.of(EvalArm.DECISION), 5, Map.of());
    GamesInFlight window = window(2);

    assertThat(games.take(plan, pairs, OptionalInt.empty(), window, NOW)).hasSize(2);
    assertThat(games.take(plan, pairs, OptionalInt.empty(), window, NOW)).isEmpty();
    window.received(NOW);

    assertThat(games.take(plan, pairs, OptionalInt.empty(), window, NOW)).hasSize(1);
    assertThat(window.count()).isEqualTo(2);
  }

  @Test
  void shouldPinTheRefereeAndTagItOnlyOnArmsThatNeedOne() {
    pairs.add(EvalEvents.heldOutPair("a"));
    EvaluationPlan plan = new EvaluationPlan(6, "p1", List.of(EvalArm.DECISION, EvalArm.CLUE_AS_SPY), 1, Map.of());

    List<GameRequested> batch = games.take(plan, pairs, OptionalInt.of(3), window(10), NOW);

    assertThat(EvalTags.of(batch.get(0).getTags(), "run-a"))
        .contains(new EvalTags("run-a", EvalArm.DECISION, 6, EvalTags.NO_REFEREE));
    assertThat(EvalTags.of(batch.get(1).getTags(), "run-a"))
        .contains(new EvalTags("run-a", EvalArm.CLUE_AS_SPY, 6, 3));
    assertThat(batch.get(1).getDecisionPolicy()).isEqualTo(new PolicyRef("vz", 3));
  }

  @Test
  void givenNoHeldOutPairYet_thenNothingIsRequestedAndThePlanKeepsItsGames() {
    EvaluationPlan plan = new EvaluationPlan(1, "p1", List.of(EvalArm.DECISION), 2, Map.of());
    GamesInFlight window = window(10);

    assertThat(games.take(plan, pairs, OptionalInt.empty(), window, NOW)).isEmpty();
    assertThat(plan.done()).isFalse();
    assertThat(window.count()).isZero();
  }

  private static GamesInFlight window(int max) {
    return new GamesInFlight(max, Duration.ofMinutes(2), NOW);
  }
}
