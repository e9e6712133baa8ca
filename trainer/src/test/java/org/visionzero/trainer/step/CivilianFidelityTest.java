package org.visionzero.trainer.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CivilianFidelityTest {

  @Test
  void shouldRaiseTheAdvantageOfTruerCluesCentredOnTheBatchMean() {
    double[] shifts = new CivilianFidelity(0.5).shifts(new double[] {0.9, 0.5, 0.1});

    assertThat(shifts[0]).isCloseTo(0.2, within(1e-12));
    assertThat(shifts[1]).isCloseTo(0.0, within(1e-12));
    assertThat(shifts[2]).isCloseTo(-0.2, within(1e-12));
    assertThat(new CivilianFidelity(0.5).shifts(new double[0])).isEmpty();
  }

  @Test
  void shouldBeOffAtZeroAndRefuseANegativeWeight() {
    assertThat(CivilianFidelity.off().on()).isFalse();
    assertThat(CivilianFidelity.defaults().on()).isTrue();
    assertThatThrownBy(() -> new CivilianFidelity(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
