package org.visionzero.ops.broker;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What an embedded broker needs: where its data lives, its client port (0 = pick a free one) and any broker
 * properties to override (for example {@code auto.create.topics.enable}).
 */
public record BrokerSettings(Path dataDir, int port, Map<String, String> overrides) {

  public static final int PICK_FREE_PORT = 0;
  private static final int MAX_PORT = 65_535;

  public BrokerSettings {
    Objects.requireNonNull(dataDir, "dataDir");
    if (port < 0 || port > MAX_PORT) {
      throw new IllegalArgumentException("Broker port must be 0 (pick a free port) or 1.." + MAX_PORT + ", was " + port);
    }
    overrides = Map.copyOf(overrides);
  }

  public static BrokerSettings of(Path dataDir, int port) {
    return new BrokerSettings(dataDir, port, Map.of());
  }

  public BrokerSettings withOverrides(Map<String, String> more) {
    var merged = new java.util.HashMap<>(overrides);
    merged.putAll(more);
    return new BrokerSettings(dataDir, port, merged);
  }
}
