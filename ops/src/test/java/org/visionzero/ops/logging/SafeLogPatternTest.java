package org.visionzero.ops.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.spi.FilterReply;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusUtil;
import java.net.URL;
import org.apache.kafka.common.errors.KafkaStorageException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.junit.jupiter.api.Test;

/**
 * The console of every vz process (main logback.xml): it configures without a complaint (logback prints its whole
 * status list otherwise), shows what a log line quotes without obeying it, and drops the retries Kafka makes by
 * design.
 */
class SafeLogPatternTest {
  private static final String HOSTILE = "pair-\u202Eevil\nfake 00:00:00.000 ERROR line\u2028\u001b[2J";

  private final LoggerContext context = new LoggerContext();

  @SuppressWarnings("unchecked") // logback.xml's STDERR appender takes logging events
  private OutputStreamAppender<ILoggingEvent> console() throws Exception {
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    URL mainConfig = SafeMessageConverter.class.getResource("/logback.xml");
    assertThat(mainConfig.getPath()).doesNotContain("test-classes");
    configurator.doConfigure(mainConfig);
    return (OutputStreamAppender<ILoggingEvent>) context.getLogger("ROOT").getAppender("STDERR");
  }

  @Test
  void givenTheMainConfig_whenConfigured_thenNoWarningThatWouldMakeLogbackPrintItsStatus() throws Exception {
    console();

    assertThat(new StatusUtil(context).getHighestLevel(0)).as(String.valueOf(
        context.getStatusManager().getCopyOfStatusList())).isLessThan(Status.WARN);
  }

  @Test
  void givenRetriesKafkaMakesByDesign_whenLogged_thenDroppedAndOtherKafkaWarningsKept() throws Exception {
    OutputStreamAppender<ILoggingEvent> console = console();
    String retry = "[Producer clientId=c, transactionalId=t] Got error produce response with correlation id 16 on "
        + "topic-partition p-0, retrying (2147483646 attempts left). Error: ";

    assertThat(console.getFilterChainDecision(event(ExpectedRetryFilter.PRODUCER_LOGGER, Level.WARN,
        retry + "CONCURRENT_TRANSACTIONS", null))).isEqualTo(FilterReply.DENY);
    assertThat(console.getFilterChainDecision(event(ExpectedRetryFilter.PRODUCER_LOGGER, Level.WARN,
        retry + "OUT_OF_ORDER_SEQUENCE_NUMBER. Error Message: x", null))).isEqualTo(FilterReply.DENY);
    assertThat(console.getFilterChainDecision(event(ExpectedRetryFilter.BROKER_LOGGER, Level.ERROR,
        "Error processing append operation on partition p-0", new OutOfOrderSequenceException("seq 3"))))
        .isEqualTo(FilterReply.DENY);
    assertThat(console.getFilterChainDecision(event(ExpectedRetryFilter.PRODUCER_LOGGER, Level.WARN,
        retry + "NOT_ENOUGH_REPLICAS", null))).isEqualTo(FilterReply.NEUTRAL);
    assertThat(console.getFilterChainDecision(event(ExpectedRetryFilter.BROKER_LOGGER, Level.ERROR,
        "Error processing append operation on partition p-0", new KafkaStorageException("disk")))).isEqualTo(
        FilterReply.NEUTRAL);
  }

  private LoggingEvent event(String logger, Level level, String message, Throwable thrown) {
    return new LoggingEvent(SafeLogPatternTest.class.getName(), context.getLogger(logger), level, message, thrown,
        null);
  }

  @Test
  void givenAMessageAndAnExceptionQuotingTheLog_whenLaidOut_thenOneLineOfMessageAndNothingObeyed()
      throws Exception {
    PatternLayoutEncoder encoder = (PatternLayoutEncoder) console().getEncoder();
    LoggingEvent event = new LoggingEvent(SafeLogPatternTest.class.getName(), context.getLogger("org.visionzero.x"),
        Level.WARN, "held-out pair {} is unreadable",
        new IllegalStateException("bad " + HOSTILE, new IllegalArgumentException("cause " + HOSTILE)),
        new Object[] {HOSTILE});

    String text = encoder.getLayout().doLayout(event);

    String firstLine = text.substring(0, text.indexOf('\n'));
    assertThat(firstLine).endsWith("held-out pair pair-\\u202eevil\\nfake 00:00:00.000 ERROR line\\u2028\\u001b[2J "
        + "is unreadable");
    assertThat(text).contains("java.lang.IllegalStateException: bad pair-\\u202eevil\\nfake 00:00:00.000 ERROR")
        .contains("Caused by: java.lang.IllegalArgumentException: cause pair-\\u202eevil\\nfake")
        .contains("\tat org.visionzero.ops.logging.SafeLogPatternTest")
        .doesNotContain("\u202E", "\u2028", "\u001b");
    assertThat(text.lines()).noneMatch(line -> line.startsWith("fake"));
  }
}
