package org.visionzero.ops.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.visionzero.text.SafeText;

/**
 * {@code %safeMsg} in logback.xml: the log message, with what it quotes from the log (a pair id, a clue, an error)
 * shown rather than obeyed on the terminal ({@link SafeText#terminal}): one event stays one line.
 */
public final class SafeMessageConverter extends MessageConverter {

  @Override
  public String convert(ILoggingEvent event) {
    return SafeText.terminal(super.convert(event));
  }
}
