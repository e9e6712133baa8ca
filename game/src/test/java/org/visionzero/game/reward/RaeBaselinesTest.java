package org.visionzero.game.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.visionzero.events.Role;

class RaeBaselinesTest {

  @Test
  void shouldDecayTowardsTheBatchMeansOverSeveralSteps() {
    RaeBaselines b = RaeBaselines.initial(0.9);

    b = b.update(OptionalDouble.of(-0.4), OptionalDouble.of(0.2));
    assertThat(b.bSpy()).isCloseTo(-0.04, within(1e-12));
    assertThat(b.bCiv()).isCloseTo(0.02, within(1e-12));

    b = b.update(OptionalDouble.of(-0.2), OptionalDouble.of(0.1));
    assertThat(b.bSpy()).isCloseTo(0.9 * -0.04 + 0.1 * -0.2, within(1e-12)); // -0.056
    assertThat(b.bCiv()).isCloseTo(0.9 * 0.02 + 0.1 * 0.1, within(1e-12)); // 0.028

    b = b.update(OptionalDouble.of(0.0), OptionalDouble.of(0.0));
    assertThat(b.bSpy()).isCloseTo(-0.0504, within(1e-12));
    assertThat(b.bCiv()).isCloseTo(0.0252, within(1e-12));
  }

  @Test
  void shouldUseTheUpdatedBaselineForTheAdvantage() {
    RaeBaselines updated =
        RaeBaselines.initial(0.95).update(OptionalDouble.of(-0.4333), OptionalDouble.of(0.1444));

    assertThat(updated.advantage(Role.SPY, -0.4333)).isCloseTo(-0.4333 + 0.05 * 0.4333, within(1e-12));
    assertThat(updated.advantage(Role.CIVILIAN, 0.2111)).isCloseTo(0.2111 - 0.05 * 0.1444, within(1e-12));
  }

  @Test
  void shouldKeepTheBaselineOfARoleWithNoSamples() {
    RaeBaselines b = new RaeBaselines(-0.1, 0.05, 0.9);

    RaeBaselines next = b.update(OptionalDouble.empty(), OptionalDouble.of(0.15));
    assertThat(next.bSpy()).isEqualTo(-0.1);
    assertThat(next.bCiv()).isCloseTo(0.06, within(1e-12));
  }

  @Test
  void shouldRejectBadValuesAndTheObserverRole() {
    assertThatThrownBy(() -> RaeBaselines.initial(1.0)).hasMessageContaining("alpha must be in [0, 1)");
    assertThatThrownBy(() -> new RaeBaselines(Double.NaN, 0, 0.9)).hasMessageContaining("bSpy must be finite");
    assertThatThrownBy(() -> RaeBaselines.initial(0.9)
        .update(OptionalDouble.of(Double.POSITIVE_INFINITY), OptionalDouble.of(0)))
        .hasMessageContaining("meanSpy must be finite");
    assertThatThrownBy(() -> RaeBaselines.initial(0.9).baseline(Role.OBSERVER))
        .hasMessageContaining("observer");
  }
}
