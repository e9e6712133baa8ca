package org.visionzero.ops.config;

import java.util.Map;
import java.util.OptionalInt;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.visionzero.ops.broker.BrokerSettings;
import org.visionzero.topics.TopicCatalog;

/**
 * Configuration of {@code vz run}, the whole system in one process: the embedded broker (unless
 * {@code bootstrap.servers} points at an existing cluster) and the shared Kafka settings. Components add their
 * settings here as they are wired in.
 */
public final class VzRunConfig extends AbstractConfig {

  public static final ConfigDef CONFIG_DEF = KafkaSettings.define(
      MetricsSettings.define(BrokerSettingsDef.define(new ConfigDef())), "",
      "An existing Kafka cluster to use, as host:port pairs; empty (the default) starts the embedded broker.");

  public VzRunConfig(Map<String, Object> values) {
    super(CONFIG_DEF, values, false);
  }

  /** True when no external cluster is configured, so {@code vz run} starts its own broker. */
  public boolean usesEmbeddedBroker() {
    return getString(KafkaSettings.BOOTSTRAP_SERVERS).isBlank();
  }

  /** The metrics port, or empty when no metrics endpoint is wanted. */
  public OptionalInt metricsPort() {
    int port = getInt(MetricsSettings.METRICS_PORT);
    return port == MetricsSettings.DISABLED ? OptionalInt.empty() : OptionalInt.of(port);
  }

  public BrokerSettings brokerSettings() {
    return BrokerSettingsDef.brokerSettings(this);
  }

  public KafkaClientProperties clientProperties() {
    return KafkaClientProperties.from(this);
  }

  public TopicCatalog topicCatalog() {
    return KafkaSettings.topicCatalog(this);
  }
}
