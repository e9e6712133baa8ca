package org.visionzero.ops.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RestartBackoffTest {
  private static final Instant T0 = Instant.parse("2026-12-06T09:00:00Z");

  @Test
  void givenExitsInARow_whenWaitsAreComputed_thenNoneAfterTheFirstThenDoublingUpToTheCap() {
    assertThat(RestartBackoff.waitAfter(1)).isZero();
    assertThat(RestartBackoff.waitAfter(2)).isEqualTo(Duration.ofSeconds(1));
    assertThat(RestartBackoff.waitAfter(3)).isEqualTo(Duration.ofSeconds(2));
    assertThat(RestartBackoff.waitAfter(4)).isEqualTo(Duration.ofSeconds(4));
    assertThat(RestartBackoff.waitAfter(6)).isEqualTo(Duration.ofSeconds(16));
    assertThat(RestartBackoff.waitAfter(7)).isEqualTo(RestartBackoff.MAX_WAIT);
    assertThat(RestartBackoff.waitAfter(500)).isEqualTo(RestartBackoff.MAX_WAIT);
  }

  @Test
  void givenAProcessThatCrashesOnEveryStart_whenItKeepsExiting_thenItsRestartsWaitLongerAndAreReported() {
    RestartBackoff backoff = new RestartBackoff();
    Instant now = T0;
    Instant started = T0;
    long[] waitsSeconds = new long[4];
    for (int exit = 0; exit < 4; exit++) {
      now = now.plusMillis(500); // up for half a second, then down again
      Duration wait = backoff.exited("trainer", started, now);
      waitsSeconds[exit] = wait.toSeconds();
      assertThat(backoff.waiting("trainer")).isTrue();
      if (!wait.isZero()) {
        assertThat(backoff.due("trainer", now.plus(wait).minusMillis(1))).as("before its wait is over").isFalse();
      }
      now = now.plus(wait);
      assertThat(backoff.due("trainer", now)).isTrue();
      backoff.restarted("trainer");
      started = now;
    }

    assertThat(waitsSeconds).containsExactly(0, 1, 2, 4);
    assertThat(backoff.waiting("trainer")).isFalse();
    assertThat(backoff.waits()).containsExactly(
        java.util.Map.entry("trainer", new RestartBackoff.Waits(3, 4_000, 7_000)));
  }

  @Test
  void givenAProcessThatStayedUp_whenItExitsAgain_thenItRestartsAtOnce() {
    RestartBackoff backoff = new RestartBackoff();
    backoff.exited("worker-1", T0, T0.plusSeconds(1));
    backoff.restarted("worker-1");
    backoff.exited("worker-1", T0.plusSeconds(1), T0.plusSeconds(2));
    backoff.restarted("worker-1");

    Instant startedAgain = T0.plusSeconds(3);
    Duration wait = backoff.exited("worker-1", startedAgain, startedAgain.plus(RestartBackoff.STABLE));

    assertThat(wait).isZero();
    assertThat(backoff.waits().get("worker-1").delayedRestarts()).isEqualTo(1);
  }
}
