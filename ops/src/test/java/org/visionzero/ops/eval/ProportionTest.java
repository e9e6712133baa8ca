package org.visionzero.ops.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ProportionTest {

  @Test
  void shouldGiveTheWilsonIntervalOfAKnownCase() {
    Proportion half = new Proportion(50, 100);

    assertThat(half.rate()).isEqualTo(0.5);
    assertThat(half.low()).isCloseTo(0.4038, within(1e-4));
    assertThat(half.high()).isCloseTo(0.5962, within(1e-4));
  }

  @Test
  void shouldStayInsideZeroAndOneWhenEveryTrialSucceeds() {
    Proportion all = new Proportion(20, 20);

    assertThat(all.high()).isCloseTo(1.0, within(1e-12));
    assertThat(all.low()).isCloseTo(0.8389, within(1e-4));
  }

  @Test
  void shouldNeverGoBelowZeroWhenNoTrialSucceeds() {
    for (int n : new int[] {1, 7, 736, 4000}) {
      Proportion none = new Proportion(0, n);
      assertThat(none.low()).as("n=%d", n).isGreaterThanOrEqualTo(0.0).isCloseTo(0.0, within(1e-12));
      assertThat(none.high()).as("n=%d", n).isPositive().isLessThanOrEqualTo(1.0);
    }
  }

  @Test
  void shouldBeUndefinedAndWriteNullsWhenThereAreNoTrials() {
    assertThat(Proportion.EMPTY.rate()).isNaN();
    assertThat(Proportion.EMPTY.toJson()).containsEntry("rate", null).containsEntry("n", 0L);
  }

  @Test
  void shouldRefuseMoreSuccessesThanTrials() {
    assertThatThrownBy(() -> new Proportion(3, 2)).hasMessageContaining("successes <= trials");
  }

  @Test
  void shouldAddTrialsOneByOne() {
    assertThat(Proportion.EMPTY.plus(true).plus(false).plus(true)).isEqualTo(new Proportion(2, 3));
  }

  @Test
  void shouldNarrowTheMeanIntervalAsScoresAccumulate() {
    Mean few = Mean.EMPTY.plus(1).plus(0.5).plus(0.75);
    Mean many = few;
    for (int i = 0; i < 30; i++) {
      many = many.plus(few);
    }

    assertThat(few.value()).isCloseTo(0.75, within(1e-12));
    assertThat(many.value()).isCloseTo(0.75, within(1e-12));
    assertThat(many.high() - many.low()).isLessThan(few.high() - few.low());
    assertThatThrownBy(() -> Mean.EMPTY.plus(1.5)).hasMessageContaining("[0, 1]");
  }
}
