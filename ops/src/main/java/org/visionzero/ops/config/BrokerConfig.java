package org.visionzero.ops.config;

import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.visionzero.ops.broker.BrokerSettings;

/** Configuration of {@code vz broker}: the embedded broker alone. */
public final class BrokerConfig extends AbstractConfig {

  public static final ConfigDef CONFIG_DEF = BrokerSettingsDef.define(new ConfigDef());

  public BrokerConfig(Map<String, Object> values) {
    super(CONFIG_DEF, values, false);
  }

  public BrokerSettings brokerSettings() {
    return BrokerSettingsDef.brokerSettings(this);
  }
}
