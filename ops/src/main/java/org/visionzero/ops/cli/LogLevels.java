package org.visionzero.ops.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** {@code --verbose}: the detail that is quiet by default (our DEBUG lines, Kafka's INFO) back on standard error. */
final class LogLevels {
  private LogLevels() {}

  static void verbose() {
    level("org.visionzero", Level.DEBUG);
    level("org.apache.kafka", Level.INFO);
    level("kafka", Level.INFO);
    level("org.apache.kafka.clients.NetworkClient", Level.WARN);
    level("org.apache.kafka.streams.StreamsConfig", Level.WARN);
    level("ai.djl", Level.INFO);
  }

  private static void level(String logger, Level level) {
    if (LoggerFactory.getLogger(logger) instanceof Logger logback) {
      logback.setLevel(level);
    }
  }
}
