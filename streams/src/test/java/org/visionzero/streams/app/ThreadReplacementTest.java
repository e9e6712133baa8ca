package org.visionzero.streams.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class ThreadReplacementTest {
  private static final Instant T0 = Instant.parse("2026-12-06T09:00:00Z");

  /** As Kafka Streams reports a commit the cluster refused after it aborted the transaction. */
  private static final Throwable ABORTED_COMMIT = new StreamsException("Error encountered trying to commit a "
      + "transaction", new InvalidTxnStateException("The producer attempted a transactional operation in an invalid "
      + "state."));

  @Test
  void givenAThreadKilledByAKafkaError_whenHandled_thenReplaced() {
    ThreadReplacement handler = new ThreadReplacement(Clock.fixed(T0, ZoneOffset.UTC));

    assertThat(handler.handle(ABORTED_COMMIT)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
  }

  @Test
  void givenAThreadKilledByOurOwnCode_whenHandled_thenTheClientShutsDownAsBefore() {
    ThreadReplacement handler = new ThreadReplacement(Clock.fixed(T0, ZoneOffset.UTC));

    assertThat(handler.handle(new StreamsException("Exception caught in process", new IllegalStateException("bug"))))
        .isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    assertThat(handler.handle(new StreamsException("a Streams error of its own")))
        .isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
  }

  @Test
  void givenKafkaErrorsOverAndOver_whenTooManyInTheWindow_thenShutsDownUntilTheWindowHasPassed() {
    MutableClock clock = new MutableClock();
    ThreadReplacement handler = new ThreadReplacement(clock);
    for (int i = 0; i < ThreadReplacement.MAX_REPLACEMENTS; i++) {
      assertThat(handler.handle(ABORTED_COMMIT)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
      clock.now = clock.now.plusSeconds(1);
    }

    assertThat(handler.handle(ABORTED_COMMIT)).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    clock.now = T0.plus(ThreadReplacement.WINDOW).plusSeconds(1);
    assertThat(handler.handle(ABORTED_COMMIT)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
  }

  private static final class MutableClock extends Clock {
    private Instant now = T0;

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
