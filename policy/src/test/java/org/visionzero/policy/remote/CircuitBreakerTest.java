package org.visionzero.policy.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {
  private final AtomicLong now = new AtomicLong();
  private final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(10), now::get);

  @Test
  void givenConsecutiveFailuresBelowTheThreshold_thenStaysClosed_andASuccessResetsTheCount() {
    breaker.recordFailure();
    breaker.recordFailure();
    breaker.recordSuccess();
    breaker.recordFailure();
    breaker.recordFailure();

    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(breaker.tryAcquire()).isTrue();
  }

  @Test
  void givenTheThreshold_thenOpensAndRefusesUntilTheOpenTimeHasPassed() {
    failTimes(3);

    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
    assertThat(breaker.tryAcquire()).isFalse();
    now.addAndGet(Duration.ofSeconds(9).toNanos());
    assertThat(breaker.tryAcquire()).isFalse();
  }

  @Test
  void givenOpenTimePassed_thenLetsOneTrialThrough_andItsSuccessCloses() {
    failTimes(3);
    now.addAndGet(Duration.ofSeconds(10).toNanos());

    assertThat(breaker.tryAcquire()).isTrue();
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
    assertThat(breaker.tryAcquire()).as("a second call during the trial").isFalse();
    breaker.recordSuccess();
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(breaker.tryAcquire()).isTrue();
  }

  @Test
  void givenAFailedTrial_thenOpensAgainForAnotherFullPeriod() {
    failTimes(3);
    now.addAndGet(Duration.ofSeconds(10).toNanos());
    assertThat(breaker.tryAcquire()).isTrue();

    breaker.recordFailure();

    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
    now.addAndGet(Duration.ofSeconds(5).toNanos());
    assertThat(breaker.tryAcquire()).isFalse();
  }

  @Test
  void givenANeutralTrial_thenAnotherTrialMayGo() {
    failTimes(3);
    now.addAndGet(Duration.ofSeconds(10).toNanos());
    assertThat(breaker.tryAcquire()).isTrue();

    breaker.recordNeutral();

    assertThat(breaker.tryAcquire()).isTrue();
  }

  private void failTimes(int n) {
    for (int i = 0; i < n; i++) {
      breaker.recordFailure();
    }
  }
}
