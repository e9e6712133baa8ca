package org.visionzero.ops.cli.options;

import java.util.LinkedHashMap;
import java.util.Map;
import org.visionzero.ops.config.ConfigLoader;

/**
 * Client settings of the config file ({@code kafka.client.*}: SASL/SSL and friends) under the prefix a module's
 * own config passes to its Kafka clients ({@code streams.}, {@code client.}, {@code kafka.}), so that every
 * deployable gets them without knowing the file's naming.
 */
public final class ClientPassthrough {
  private ClientPassthrough() {
  }

  /** {@code values} plus every {@code kafka.client.X} copied to {@code prefix + X}. */
  public static Map<String, Object> renamedTo(String prefix, Map<String, Object> values) {
    Map<String, Object> adapted = new LinkedHashMap<>(values);
    values.forEach((key, value) -> {
      if (key.startsWith(ConfigLoader.CLIENT_PASSTHROUGH_PREFIX)) {
        adapted.put(prefix + key.substring(ConfigLoader.CLIENT_PASSTHROUGH_PREFIX.length()), value);
      }
    });
    return adapted;
  }
}
