package org.visionzero.ops.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RecoveryTimesTest {

  @Test
  void shouldGiveNearestRankPercentiles() {
    RecoveryTimes times = new RecoveryTimes();
    for (long ms = 100; ms >= 1; ms--) {
      times.recovered(ms * 10);
    }

    assertThat(times.p50()).hasValue(500);
    assertThat(times.p99()).hasValue(990);
    assertThat(times.percentile(1.0)).hasValue(1000);
    assertThat(times.observedCount()).isEqualTo(100);
  }

  @Test
  void givenFewTimes_whenP99IsAsked_thenTheLargest() {
    RecoveryTimes times = new RecoveryTimes();
    times.recovered(3000);
    times.recovered(1000);
    times.recovered(2000);

    assertThat(times.p50()).hasValue(2000);
    assertThat(times.p99()).hasValue(3000);
  }

  @Test
  void givenNoObservedRecovery_thenNoPercentileButTheUnobservedCount() {
    RecoveryTimes times = new RecoveryTimes();
    times.unobserved();

    assertThat(times.p50()).isEmpty();
    assertThat(times.unobservedCount()).isEqualTo(1);
    assertThatThrownBy(() -> times.recovered(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
