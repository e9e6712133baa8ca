package org.visionzero.ops.config;

import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.visionzero.ops.broker.BrokerSettings;
import org.visionzero.ops.broker.ClusterMembership;

/** Configuration of {@code vz broker}: the embedded broker alone, single-node or one node of a cluster. */
public final class BrokerConfig extends AbstractConfig {

  public static final String NODE_ID = "broker.node.id";
  public static final String CONTROLLER_VOTERS = "broker.controller.voters";
  public static final String CLUSTER_ID = "broker.cluster.id";
  private static final String GROUP = "Cluster node";

  public static final ConfigDef CONFIG_DEF = BrokerSettingsDef.define(new ConfigDef())
      .define(NODE_ID, Type.INT, 1, ConfigDef.Range.atLeast(0), Importance.LOW,
          "Node id of this broker in a cluster (with " + CONTROLLER_VOTERS + "; default 1, the single node).",
          GROUP, 1, ConfigDef.Width.SHORT, "Node id")
      .define(CONTROLLER_VOTERS, Type.STRING, "", Importance.LOW,
          "Every voter of a multi-node cluster as ID@HOST:PORT,... (Kafka's controller.quorum.voters), this node "
              + "included; its controller listens on its own entry's port. Empty: a single node.",
          GROUP, 2, ConfigDef.Width.LONG, "Controller voters")
      .define(CLUSTER_ID, Type.STRING, "", Importance.LOW,
          "Cluster id shared by every node of a multi-node cluster (used when formatting a new data dir); required "
              + "with " + CONTROLLER_VOTERS + ".",
          GROUP, 3, ConfigDef.Width.MEDIUM, "Cluster id");

  public BrokerConfig(Map<String, Object> values) {
    super(CONFIG_DEF, values, false);
  }

  public BrokerSettings brokerSettings() {
    BrokerSettings single = BrokerSettingsDef.brokerSettings(this);
    String voters = getString(CONTROLLER_VOTERS);
    if (voters.isBlank()) {
      return single;
    }
    String clusterId = getString(CLUSTER_ID);
    if (clusterId.isBlank()) {
      throw new VzConfigException("Setting '" + CONTROLLER_VOTERS + "' needs '" + CLUSTER_ID
          + "' too: every node of a cluster must be formatted with the same cluster id (--cluster-id)", null);
    }
    try {
      return single.inCluster(ClusterMembership.parse(getInt(NODE_ID), clusterId, voters));
    } catch (IllegalArgumentException e) {
      throw new VzConfigException("Invalid cluster settings: " + e.getMessage(), e);
    }
  }
}
