package org.visionzero.ops.cli.options;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.visionzero.ops.config.ConfigLoader;

/**
 * Client settings of the config file ({@code kafka.client.*}: SASL/SSL and friends) under the prefix a module's
 * own config passes to its Kafka clients ({@code streams.}, {@code client.}, {@code kafka.}), so that every
 * deployable gets them without knowing the file's naming.
 */
public final class ClientPassthrough {
  private ClientPassthrough() {
  }

  /** A module's config constructor that gets the config file's client settings under {@code prefix}. */
  public static <T> Function<Map<String, Object>, T> into(String prefix, Function<Map<String, Object>, T> constructor) {
    return values -> constructor.apply(renamedTo(prefix, values));
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
