package org.visionzero.trainer.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.visionzero.events.Phase;

class LearningRateScheduleTest {
  private final LearningRateSchedule schedule = new LearningRateSchedule(1e-3, 10, 100);

  @Test
  void shouldWarmUpLinearlyToThePeak() {
    assertThat(schedule.rate(1)).isCloseTo(1e-4, within(1e-15));
    assertThat(schedule.rate(5)).isCloseTo(5e-4, within(1e-15));
    assertThat(schedule.rate(10)).isCloseTo(1e-3, within(1e-15));
  }

  @Test
  void shouldDecayAlongACosineAfterWarmUpWithoutReachingZeroOnTheLastStep() {
    assertThat(schedule.rate(11)).isCloseTo(1e-3, within(1e-15));
    assertThat(schedule.rate(56)).isCloseTo(5e-4, within(1e-15));
    assertThat(schedule.rate(100)).isPositive().isLessThan(1e-6);
    assertThat(schedule.rate(50)).isGreaterThan(schedule.rate(60));
  }

  @Test
  void shouldScaleDecisionStepsToTheirOwnPeakAlongTheSameCurve() {
    LearningRateSchedule schedule = new LearningRateSchedule(1e-4, 3e-3, 10, 100);

    assertThat(schedule.rate(5, Phase.CLUE)).isCloseTo(0.5e-4, within(1e-12));
    assertThat(schedule.rate(5, Phase.DECISION)).isCloseTo(1.5e-3, within(1e-12));
    assertThat(schedule.rate(11, Phase.DECISION)).isCloseTo(3e-3, within(1e-12));
    assertThat(schedule.rate(60, Phase.DECISION) / schedule.rate(60, Phase.CLUE)).isCloseTo(30, within(1e-9));
  }

  @Test
  void shouldRefuseAWarmUpLongerThanTheRun() {
    assertThatThrownBy(() -> new LearningRateSchedule(1e-3, 20, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("warm-up");
  }
}
