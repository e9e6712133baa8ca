package org.visionzero.ops.cli.options;

import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.visionzero.ops.config.BrokerSettingsDef;
import org.visionzero.streams.config.StreamsAppSettings;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options of the Kafka Streams deployables ({@code vz coordinator}, {@code vz scorer}): the cluster and the app. */
public final class StreamsOptions implements FlagSource {

  @Mixin
  ClusterOptions cluster;

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

  /**
   * A Streams deployable's settings: those of {@link ClusterOptions#load}, these options' and
   * {@code moreOptions}'; the config file's client settings become the streams module's {@code streams.*}.
   */
  public <T extends AbstractConfig> T load(
      ConfigDef definition, Function<Map<String, Object>, T> constructor, Object... moreOptions) {
    return cluster.load(definition, ClientPassthrough.into(StreamsAppSettings.PASSTHROUGH_PREFIX, constructor),
        ClusterOptions.withFirst(this, moreOptions));
  }
}
