package org.visionzero.ops.config;

import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.visionzero.topics.TopicCatalog;

/** Configuration of commands that only talk to an existing Kafka cluster (e.g. {@code vz topics}). */
public final class KafkaClientConfig extends AbstractConfig {

  public static final String DEFAULT_BOOTSTRAP = "localhost:" + BrokerSettingsDef.DEFAULT_BROKER_PORT;
  public static final ConfigDef CONFIG_DEF = KafkaSettings.define(new ConfigDef(), DEFAULT_BOOTSTRAP,
      "Kafka cluster to talk to, as host:port pairs (default: the embedded broker of 'vz run').");

  public KafkaClientConfig(Map<String, Object> values) {
    super(CONFIG_DEF, values, false);
  }

  public KafkaClientProperties clientProperties() {
    return KafkaClientProperties.from(this);
  }

  public TopicCatalog topicCatalog() {
    return KafkaSettings.topicCatalog(this);
  }
}
