package org.visionzero.ops.config;

import java.nio.file.Path;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef;
import org.visionzero.ops.broker.BrokerSettings;

/** Settings of the embedded broker: its data directory and client port. */
public final class BrokerSettingsDef {

  public static final String DATA_DIR = "data.dir";
  public static final String BROKER_PORT = "broker.port";
  public static final String DEFAULT_DATA_DIR = "vz-data";
  public static final int DEFAULT_BROKER_PORT = 9092;

  private static final String GROUP = "Embedded broker";
  private static final int MAX_PORT = 65_535;

  private BrokerSettingsDef() {
  }

  public static ConfigDef define(ConfigDef definition) {
    return definition
        .define(DATA_DIR, Type.STRING, DEFAULT_DATA_DIR, new ConfigDef.NonEmptyString(), Importance.HIGH,
            "Directory of the embedded broker's data; created on first use and kept across restarts.",
            GROUP, 1, ConfigDef.Width.LONG, "Data directory")
        .define(BROKER_PORT, Type.INT, DEFAULT_BROKER_PORT, ConfigDef.Range.between(0, MAX_PORT), Importance.HIGH,
            "Client port of the embedded broker; 0 picks a free port (printed at start). When the default is taken "
                + "(a local Kafka often holds 9092), a free port is used instead; a port you set that is taken is an "
                + "error.",
            GROUP, 2, ConfigDef.Width.SHORT, "Broker port");
  }

  public static BrokerSettings brokerSettings(AbstractConfig config) {
    Path dataDir = Path.of(config.getString(DATA_DIR));
    int port = config.getInt(BROKER_PORT);
    return config.originals().containsKey(BROKER_PORT) ? BrokerSettings.of(dataDir, port)
        : BrokerSettings.withDefaultPort(dataDir, port);
  }
}
