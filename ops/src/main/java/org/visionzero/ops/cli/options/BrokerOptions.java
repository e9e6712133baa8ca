package org.visionzero.ops.cli.options;

import org.visionzero.ops.config.BrokerSettingsDef;
import picocli.CommandLine.Option;

/** Options of commands that start the embedded broker. */
public final class BrokerOptions {

  @ConfigKey(BrokerSettingsDef.DATA_DIR)
  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Data directory of the embedded broker (setting data.dir, default 'vz-data').")
  String dataDir;

  @ConfigKey(BrokerSettingsDef.BROKER_PORT)
  @Option(names = "--port", paramLabel = "N",
      description = "Client port of the embedded broker; 0 picks a free one (setting broker.port, default 9092).")
  String port;
}
