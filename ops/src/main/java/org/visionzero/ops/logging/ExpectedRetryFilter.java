package org.visionzero.ops.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Set;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.protocol.Errors;

/**
 * Keeps off the console the log lines of produce requests that Kafka refuses by design and the producer retries.
 * With transactions v2 (Kafka 4) and Streams committing every 25 ms, a transaction's first batch often reaches a
 * partition while the previous transaction is still being completed ({@code CONCURRENT_TRANSACTIONS}), or before
 * the transaction's first batch there was verified ({@code OUT_OF_ORDER_SEQUENCE_NUMBER}, KAFKA-18202); the
 * producer logs each retry at WARN, the broker the refused sequence at ERROR with its exception. On a loaded
 * 2-core machine a 5-minute {@code vz run} printed 66 such lines (of 147). A retry that never succeeds
 * still fails its Streams application, which {@code vz run} reports.
 */
public final class ExpectedRetryFilter extends Filter<ILoggingEvent> {
  static final String PRODUCER_LOGGER = "org.apache.kafka.clients.producer.internals.Sender";
  static final String BROKER_LOGGER = "kafka.server.ReplicaManager";
  private static final Set<String> RETRIED_ERRORS = Set.of(Errors.CONCURRENT_TRANSACTIONS.name(),
      Errors.OUT_OF_ORDER_SEQUENCE_NUMBER.name());
  private static final String REFUSED_SEQUENCE = OutOfOrderSequenceException.class.getName();

  @Override
  public FilterReply decide(ILoggingEvent event) {
    return isRetry(event) || isRefusedSequence(event) ? FilterReply.DENY : FilterReply.NEUTRAL;
  }

  /** "Got error produce response ... retrying (N attempts left). Error: CONCURRENT_TRANSACTIONS". */
  private static boolean isRetry(ILoggingEvent event) {
    if (!PRODUCER_LOGGER.equals(event.getLoggerName())) {
      return false;
    }
    String message = event.getFormattedMessage();
    int error = message == null ? -1 : message.lastIndexOf("Error: ");
    if (error < 0 || !message.contains(", retrying (")) {
      return false;
    }
    String code = message.substring(error + "Error: ".length()).split("[^A-Z_]", 2)[0];
    return RETRIED_ERRORS.contains(code);
  }

  /** The broker's "Error processing append operation on partition ..." for a refused sequence. */
  private static boolean isRefusedSequence(ILoggingEvent event) {
    IThrowableProxy thrown = event.getThrowableProxy();
    return BROKER_LOGGER.equals(event.getLoggerName()) && thrown != null
        && REFUSED_SEQUENCE.equals(thrown.getClassName());
  }
}
