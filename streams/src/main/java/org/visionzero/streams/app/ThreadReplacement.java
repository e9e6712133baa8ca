package org.visionzero.streams.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a Streams client does when one of its stream threads dies. An error from Kafka itself is met with a new
 * thread: a transaction the cluster aborted while a broker was down (a SIGKILLed broker in {@code vz chaos}) fails its
 * commit with {@code InvalidTxnStateException}, fatal to that thread's producer, and Kafka Streams' default answer,
 * shutting the whole client down, left a coordinator process alive but doing nothing. A new thread starts a new
 * producer and its tasks resume from their committed offsets (exactly-once: the aborted transaction's output is
 * discarded). Any other error (a defect in our processors) shuts the client down as before: it would fail again on
 * the same record; so do more than {@value #MAX_REPLACEMENTS} replacements in {@link #WINDOW}.
 */
public final class ThreadReplacement implements StreamsUncaughtExceptionHandler {
  static final int MAX_REPLACEMENTS = 5;
  static final Duration WINDOW = Duration.ofMinutes(5);
  private static final Logger LOG = LoggerFactory.getLogger(ThreadReplacement.class);

  private final Clock clock;
  private final Deque<Instant> replacements = new ArrayDeque<>();

  public ThreadReplacement(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized StreamThreadExceptionResponse handle(Throwable error) {
    if (!fromKafka(error)) {
      return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }
    Instant now = clock.instant();
    while (!replacements.isEmpty() && !replacements.peekFirst().isAfter(now.minus(WINDOW))) {
      replacements.pollFirst();
    }
    if (replacements.size() >= MAX_REPLACEMENTS) {
      LOG.error("a stream thread died of a Kafka error again ({}), the {}th time in {}: shutting the client down",
          error, replacements.size() + 1, WINDOW);
      return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }
    replacements.addLast(now);
    LOG.warn("a stream thread died of a Kafka error ({}); replacing it: its tasks resume from their committed "
        + "offsets", rootCause(error).toString());
    return StreamThreadExceptionResponse.REPLACE_THREAD;
  }

  /** True when the innermost cause is a Kafka client or broker error, not Kafka Streams' own nor ours. */
  static boolean fromKafka(Throwable error) {
    Throwable root = rootCause(error);
    return root instanceof KafkaException && !(root instanceof StreamsException);
  }

  private static Throwable rootCause(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }
}
