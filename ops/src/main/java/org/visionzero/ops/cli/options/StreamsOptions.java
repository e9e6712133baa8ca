package org.visionzero.ops.cli.options;

import java.util.Map;
import org.visionzero.ops.config.BrokerSettingsDef;
import org.visionzero.streams.config.StreamsAppSettings;
import picocli.CommandLine.Option;

/** Options of the Kafka Streams deployables ({@code vz coordinator}, {@code vz scorer}). */
public final class StreamsOptions implements FlagSource {

  /** Beside the embedded broker's data, like the blob store, so one directory holds a whole deployment. */
  static final String DEFAULT_STATE_DIR =
      java.nio.file.Path.of(BrokerSettingsDef.DEFAULT_DATA_DIR, "streams").toString();

  @ConfigKey(StreamsAppSettings.STATE_DIR)
  @Option(names = "--state-dir", paramLabel = "DIR",
      description = "Directory of the local state stores (setting state.dir, default 'vz-data/streams').")
  String stateDir;

  @ConfigKey(StreamsAppSettings.APPLICATION_ID)
  @Option(names = "--application-id", paramLabel = "ID",
      description = "Kafka Streams application id; keep it stable or the application loses its state.")
  String applicationId;

  /** The state directory is always set: without the flag, to the default beside the broker's data. */
  @Override
  public void addTo(Map<String, String> flags) {
    flags.putIfAbsent(StreamsAppSettings.STATE_DIR, DEFAULT_STATE_DIR);
  }

  /** Config-file client settings become the streams module's {@code streams.*} pass-through. */
  public static Map<String, Object> withClientPassthrough(Map<String, Object> values) {
    return ClientPassthrough.renamedTo(StreamsAppSettings.PASSTHROUGH_PREFIX, values);
  }
}
