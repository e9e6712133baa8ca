package org.visionzero.ops.cli.options;

import java.util.Map;

/** A group of command-line options that sets configuration keys (only the flags actually given). */
public interface FlagSource {

  void addTo(Map<String, String> flags);

  /** Puts {@code value} under {@code key} when the flag was given. */
  static void putIfGiven(Map<String, String> flags, String key, Object value) {
    if (value != null) {
      flags.put(key, value.toString());
    }
  }
}
