package org.visionzero.ops.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunPlanTest {
  private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

  @Test
  void givenTheShippedV0_whenFiveMinutes_thenOneOfFinalEvaluationTenSecondsToStopAndTheRestSelfPlay() {
    RunPlan plan = RunPlan.of(Optional.of(Duration.ofMinutes(5)), false, TEN_MINUTES, 500, TEN_MINUTES);

    assertThat(plan.pretrain()).isZero();
    assertThat(plan.selfPlay()).contains(Duration.ofSeconds(230));
    assertThat(plan.selfPlayEnds()).contains(Duration.ofSeconds(230));
    assertThat(plan.finalEval()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void givenPretraining_whenThirtyMinutes_thenTheWholeRunFitsTheDuration() {
    RunPlan plan = RunPlan.of(Optional.of(Duration.ofMinutes(30)), true, TEN_MINUTES, 500, TEN_MINUTES);

    assertThat(plan.pretrain()).isEqualTo(TEN_MINUTES);
    assertThat(plan.finalEval()).isEqualTo(Duration.ofMinutes(6));
    assertThat(plan.selfPlay()).contains(Duration.ofSeconds(14 * 60 - 10));
    assertThat(plan.selfPlayEnds()).contains(Duration.ofSeconds(24 * 60 - 10));
    assertThat(plan.pretrain().plus(plan.selfPlay().orElseThrow()).plus(plan.finalEval()).plus(RunPlan.STOPPING))
        .isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void givenPretraining_whenTheDurationIsShort_thenPretrainingIsCutToLeaveSelfPlayAMinute() {
    RunPlan plan = RunPlan.of(Optional.of(Duration.ofMinutes(4)), true, TEN_MINUTES, 500, TEN_MINUTES);

    assertThat(plan.finalEval()).isEqualTo(Duration.ofSeconds(48));
    assertThat(plan.pretrain()).isEqualTo(Duration.ofSeconds(122));
    assertThat(plan.selfPlay()).contains(Duration.ofMinutes(1));
  }

  @Test
  void givenADurationTooShort_whenPlanned_thenRefusedWithWhatWouldFit() {
    assertThat(RunPlan.of(Optional.of(Duration.ofMinutes(2)), true, TEN_MINUTES, 500, TEN_MINUTES).refusal())
        .contains("--duration 2m is too short for pretraining v0 (at least 2m), self-play (at least 1m), the "
            + "final evaluation (30s) and stopping (10s): give at least --duration 3m40s, or start from the shipped "
            + "v0 (leave out --v0 pretrain)");
    assertThat(RunPlan.of(Optional.of(Duration.ofSeconds(60)), false, TEN_MINUTES, 500, TEN_MINUTES).refusal())
        .contains("--duration 1m is too short for self-play (at least 1m), the final evaluation (30s) and "
            + "stopping (10s): give at least --duration 1m40s");
    RunPlan noFinalEvaluation = RunPlan.of(Optional.of(Duration.ofSeconds(70)), false, TEN_MINUTES, 0, TEN_MINUTES);
    assertThat(noFinalEvaluation.selfPlay()).contains(Duration.ofSeconds(60));
    assertThat(noFinalEvaluation.refusal()).isEmpty();
  }

  @Test
  void givenNoDuration_whenPlanned_thenEachPartHasItsOwnBudgetAndSelfPlayNoLimit() {
    RunPlan plan = RunPlan.of(Optional.empty(), true, TEN_MINUTES, 500, Duration.ofMinutes(3));

    assertThat(plan.pretrain()).isEqualTo(TEN_MINUTES);
    assertThat(plan.selfPlay()).isEmpty();
    assertThat(plan.finalEval()).isEqualTo(Duration.ofMinutes(3));
  }
}
