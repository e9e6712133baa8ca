package org.visionzero.ops.config;

import java.time.Duration;
import org.apache.kafka.common.config.ConfigException;

/** Durations written as a number and a unit: 500ms, 90s, 30m, 2h. */
public final class DurationText {
  private DurationText() {
  }

  public static Duration parse(String key, String text) {
    Duration duration = parseNonNegative(key, text);
    if (duration.isZero()) {
      throw new ConfigException(key, text, "must be positive");
    }
    return duration;
  }

  public static Duration parseNonNegative(String key, String text) {
    String t = text.trim();
    Duration duration;
    try {
      if (t.endsWith("ms")) {
        duration = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
      } else {
        long amount = Long.parseLong(t.substring(0, t.length() - 1));
        duration = switch (t.charAt(t.length() - 1)) {
          case 's' -> Duration.ofSeconds(amount);
          case 'm' -> Duration.ofMinutes(amount);
          case 'h' -> Duration.ofHours(amount);
          default -> throw new NumberFormatException();
        };
      }
    } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
      throw new ConfigException(key, text, "write a duration as a number with ms, s, m or h (e.g. 30m)");
    }
    if (duration.isNegative()) {
      throw new ConfigException(key, text, "must not be negative");
    }
    return duration;
  }
}
