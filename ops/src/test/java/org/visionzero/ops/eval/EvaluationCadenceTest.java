package org.visionzero.ops.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EvaluationCadenceTest {

  private static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");

  @Test
  void shouldMakeTheFirstEvaluationDueAtOnce() {
    assertThat(new EvaluationCadence(Duration.ofMinutes(5)).due(T0)).isTrue();
  }

  @Test
  void givenAnEvaluationStarted_whenLessThanTheIntervalPassed_thenTheNextIsNotDue() {
    EvaluationCadence cadence = new EvaluationCadence(Duration.ofSeconds(90));
    cadence.started(T0);

    assertThat(cadence.due(T0.plusSeconds(89))).isFalse();
    assertThat(cadence.due(T0.plusSeconds(90))).isTrue();
  }

  @Test
  void givenAZeroInterval_thenTheNextIsDueAtOnce() {
    EvaluationCadence cadence = new EvaluationCadence(Duration.ZERO);
    cadence.started(T0);

    assertThat(cadence.due(T0)).isTrue();
  }

  @Test
  void shouldRefuseANegativeInterval() {
    assertThatThrownBy(() -> new EvaluationCadence(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be negative");
  }
}
