package org.visionzero.ops.broker;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an embedded broker needs: where its data lives, its client port (0 = pick a free one) and any broker
 * properties to override (for example {@code auto.create.topics.enable}).
 *
 * @param portIsDefault true when the port is only the default, not one the user asked for: if it is taken (a
 *                      local Kafka often holds 9092) the broker picks a free one and says so, rather than fail
 * @param cluster       empty for the single-node broker; else this node's place in a multi-node cluster
 */
public record BrokerSettings(Path dataDir, int port, Map<String, String> overrides, boolean portIsDefault,
    Optional<ClusterMembership> cluster) {

  public static final int PICK_FREE_PORT = 0;
  private static final int MAX_PORT = 65_535;

  public BrokerSettings {
    Objects.requireNonNull(dataDir, "dataDir");
    if (port < 0 || port > MAX_PORT) {
      throw new IllegalArgumentException("Broker port must be 0 (pick a free port) or 1.." + MAX_PORT + ", was " + port);
    }
    overrides = Map.copyOf(overrides);
    Objects.requireNonNull(cluster, "cluster");
  }

  public BrokerSettings(Path dataDir, int port, Map<String, String> overrides, boolean portIsDefault) {
    this(dataDir, port, overrides, portIsDefault, Optional.empty());
  }

  public BrokerSettings(Path dataDir, int port, Map<String, String> overrides) {
    this(dataDir, port, overrides, false);
  }

  public static BrokerSettings of(Path dataDir, int port) {
    return new BrokerSettings(dataDir, port, Map.of());
  }

  /** The default port, which a free one replaces when it is taken. */
  public static BrokerSettings withDefaultPort(Path dataDir, int port) {
    return new BrokerSettings(dataDir, port, Map.of(), true);
  }

  public BrokerSettings withOverrides(Map<String, String> more) {
    var merged = new java.util.HashMap<>(overrides);
    merged.putAll(more);
    return new BrokerSettings(dataDir, port, merged, portIsDefault, cluster);
  }

  /** The same broker as one node of a multi-node cluster. */
  public BrokerSettings inCluster(ClusterMembership membership) {
    return new BrokerSettings(dataDir, port, overrides, portIsDefault, Optional.of(membership));
  }
}
