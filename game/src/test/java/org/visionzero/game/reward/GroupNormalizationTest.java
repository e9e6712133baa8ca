package org.visionzero.game.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GroupNormalizationTest {

  @Test
  void shouldDivideByThePopulationStandardDeviation() {
    // mean 0.5, population std 0.5
    double[] advantages = GroupNormalization.advantages(new double[] {1, 0, 1, 0});

    assertThat(advantages).containsExactly(new double[] {1, -1, 1, -1}, within(1e-7));
  }

  @Test
  void shouldNormaliseTheCodeShapedRewardsOfAGroupOfEight() {
    double[] rewards = {2.49, 2.49, -0.9, -0.3, 2.49, -0.9, -1.5, 2.49};
    double mean = 0.795;
    double std = Math.sqrt((4 * Math.pow(2.49 - mean, 2) + 2 * Math.pow(-0.9 - mean, 2)
        + Math.pow(-0.3 - mean, 2) + Math.pow(-1.5 - mean, 2)) / 8);

    double[] advantages = GroupNormalization.advantages(rewards);

    assertThat(advantages[0]).isCloseTo((2.49 - mean) / (std + 1e-8), within(1e-12));
    assertThat(advantages[6]).isCloseTo((-1.5 - mean) / (std + 1e-8), within(1e-12));
    assertThat(java.util.Arrays.stream(advantages).sum()).isCloseTo(0.0, within(1e-12));
  }

  @Test
  void shouldOnlySubtractTheMeanInADegenerateGroup() {
    assertThat(GroupNormalization.advantages(new double[] {-0.5, -0.5, -0.5})).containsOnly(0.0);
    // a spread of 1e-9 is degenerate: the mean is subtracted, no division
    double[] almost = GroupNormalization.advantages(new double[] {1.0, 1.0 + 1e-9});
    assertThat(almost[0]).isCloseTo(-5e-10, within(1e-15));
    assertThat(almost[1]).isCloseTo(5e-10, within(1e-15));
  }

  @Test
  void shouldHandleEmptyAndSingleGroups() {
    assertThat(GroupNormalization.advantages(new double[0])).isEmpty();
    assertThat(GroupNormalization.advantages(new double[] {2.49})).containsExactly(0.0);
  }

  @Test
  void shouldRejectNonFiniteRewards() {
    assertThatThrownBy(() -> GroupNormalization.advantages(new double[] {1, Double.NaN}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
  }

  @Test
  void shouldCentreWithoutDividingByTheSpread() {
    double[] centered = GroupNormalization.centered(new double[] {2.49, 2.49, -0.9, -0.3});

    // mean 0.945
    assertThat(centered).containsExactly(new double[] {1.545, 1.545, -1.845, -1.245}, within(1e-12));
    assertThat(GroupNormalization.centered(new double[0])).isEmpty();
    assertThatThrownBy(() -> GroupNormalization.centered(new double[] {Double.POSITIVE_INFINITY}))
        .hasMessageContaining("finite");
  }
}
