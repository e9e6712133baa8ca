package org.visionzero.ops.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.net.URL;
import org.junit.jupiter.api.Test;

/** The console pattern of every vz process (main logback.xml) shows what a log line quotes, never obeys it. */
class SafeLogPatternTest {
  private static final String HOSTILE = "pair-\u202Eevil\nfake 00:00:00.000 ERROR line\u2028\u001b[2J";

  @Test
  void givenAMessageAndAnExceptionQuotingTheLog_whenLaidOut_thenOneLineOfMessageAndNothingObeyed()
      throws Exception {
    LoggerContext context = new LoggerContext();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    URL mainConfig = SafeMessageConverter.class.getResource("/logback.xml");
    configurator.doConfigure(mainConfig);
    OutputStreamAppender<?> console = (OutputStreamAppender<?>) context.getLogger("ROOT").getAppender("STDERR");
    PatternLayoutEncoder encoder = (PatternLayoutEncoder) console.getEncoder();
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
    assertThat(mainConfig.getPath()).doesNotContain("test-classes");
  }
}
