package org.visionzero.ops.cli.options;

import java.util.Map;
import org.visionzero.ops.config.BrokerSettingsDef;
import picocli.CommandLine.Option;

/** Options of commands that start the embedded broker. */
public final class BrokerOptions implements FlagSource {

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Data directory of the embedded broker (setting data.dir, default 'vz-data').")
  String dataDir;

  @Option(names = "--port", paramLabel = "N",
      description = "Client port of the embedded broker; 0 picks a free one (setting broker.port, default 9092).")
  String port;

  @Override
  public void addTo(Map<String, String> flags) {
    FlagSource.putIfGiven(flags, BrokerSettingsDef.DATA_DIR, dataDir);
    FlagSource.putIfGiven(flags, BrokerSettingsDef.BROKER_PORT, port);
  }
}
