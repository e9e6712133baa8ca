package org.visionzero.ops.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EvaluationSchedulerTest {

  private static final Instant T0 = Instant.parse("2026-12-06T02:00:00Z");
  private static final int GAMES = 2;

  private final List<Integer> planned = new ArrayList<>();
  private final EvaluationScheduler.Plans plans = (version, games) -> {
    planned.add(version);
    return new EvaluationPlan(version, "p" + planned.size(), List.of(EvalArm.DECISION), games, Map.of());
  };

  @Test
  void shouldPlanNothingBeforeAVersionIsPublished() {
    EvaluationScheduler scheduler = continuous(Duration.ZERO);

    assertThat(scheduler.current(CheckpointVersions.NONE, T0, plans)).isEmpty();
    assertThat(planned).isEmpty();
  }

  @Test
  void shouldStartWithTheBaseVersionEvenWhenNewerOnesArePublished() {
    EvaluationScheduler scheduler = continuous(Duration.ZERO);

    assertThat(scheduler.current(5, T0, plans).orElseThrow().version()).isEqualTo(Evaluator.BASE_VERSION);
  }

  @Test
  void shouldFinishAPlanBeforeTakingUpTheNewestVersionSkippingThoseInBetween() {
    EvaluationScheduler scheduler = continuous(Duration.ZERO);
    EvaluationPlan base = scheduler.current(1, T0, plans).orElseThrow();

    base.next();
    assertThat(scheduler.current(4, T0, plans)).containsSame(base);
    base.next();
    assertThat(scheduler.current(4, T0, plans).orElseThrow().version()).isEqualTo(4);
    assertThat(planned).containsExactly(0, 4);
  }

  @Test
  void givenTheNewestVersionEvaluated_thenNoNewPlanStarts() {
    EvaluationScheduler scheduler = continuous(Duration.ZERO);
    EvaluationPlan base = scheduler.current(0, T0, plans).orElseThrow();
    drain(base);

    assertThat(scheduler.current(0, T0.plusSeconds(60), plans)).containsSame(base);
    assertThat(planned).containsExactly(0);
  }

  @Test
  void shouldStartPlansAtMostOncePerInterval() {
    EvaluationScheduler scheduler = continuous(Duration.ofMinutes(5));
    drain(scheduler.current(3, T0, plans).orElseThrow());

    assertThat(scheduler.current(3, T0.plusSeconds(299), plans).orElseThrow().version()).isZero();
    assertThat(scheduler.current(3, T0.plusSeconds(300), plans).orElseThrow().version()).isEqualTo(3);
  }

  @Test
  void givenNotContinuous_thenOnlyARequestedPlanIsPlayed() {
    EvaluationScheduler scheduler = new EvaluationScheduler(new EvaluationCadence(Duration.ZERO), false, GAMES);
    assertThat(scheduler.current(3, T0, plans)).isEmpty();

    EvaluationPlan requested = plans.forVersion(3, 10);
    scheduler.request(requested);

    assertThat(scheduler.current(3, T0, plans)).containsSame(requested);
  }

  @Test
  void givenARequest_thenItComesFirstAndItsVersionIsInUseUntilItEnds() {
    EvaluationScheduler scheduler = continuous(Duration.ZERO);
    scheduler.current(2, T0, plans);
    EvaluationPlan requested = plans.forVersion(7, 10);

    scheduler.request(requested);
    assertThat(scheduler.versionsPlanned()).containsExactlyInAnyOrder(0, 7);
    assertThat(scheduler.current(9, T0, plans)).containsSame(requested);
    scheduler.endRequest();

    // the requested plan stays current (unfinished), so its version stays in use
    assertThat(scheduler.current(9, T0, plans)).containsSame(requested);
    assertThat(scheduler.versionsPlanned()).containsExactly(7);
  }

  private EvaluationScheduler continuous(Duration interval) {
    return new EvaluationScheduler(new EvaluationCadence(interval), true, GAMES);
  }

  private static void drain(EvaluationPlan plan) {
    for (Optional<EvaluationPlan.Next> next = plan.next(); next.isPresent(); next = plan.next()) {
      assertThat(next.get().arm()).isNotNull();
    }
  }
}
