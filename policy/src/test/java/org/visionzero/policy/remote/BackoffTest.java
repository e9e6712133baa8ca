package org.visionzero.policy.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void shouldDoubleTheCeilingPerRetryUpToTheMax() {
    Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(700), () -> 0.5);

    assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofMillis(100));
    assertThat(backoff.ceiling(2)).isEqualTo(Duration.ofMillis(200));
    assertThat(backoff.ceiling(3)).isEqualTo(Duration.ofMillis(400));
    assertThat(backoff.ceiling(4)).isEqualTo(Duration.ofMillis(700));
    assertThat(backoff.ceiling(80)).isEqualTo(Duration.ofMillis(700));
  }

  @Test
  void shouldDrawTheDelayUniformlyBelowTheCeiling() {
    assertThat(new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 0.0).delay(3)).isZero();
    assertThat(new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 0.25).delay(3))
        .isEqualTo(Duration.ofMillis(100));
    assertThat(new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 0.999).delay(3))
        .isLessThanOrEqualTo(Duration.ofMillis(400));
  }

  @Test
  void shouldRefuseAMaxBelowTheBase() {
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), () -> 0))
        .hasMessageContaining("0 <= base <= max");
  }
}
