package org.visionzero.ops.cli.options;

import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.visionzero.ops.config.KafkaClientConfig;
import picocli.CommandLine.Mixin;

/**
 * Options of every command that talks to a cluster: where it is (Kafka options) and {@code --config}, loaded
 * into the command's settings in one call.
 */
public final class ClusterOptions {
  @Mixin
  KafkaOptions kafka;
  @Mixin
  ConfigFileOption config;

  /** The client settings: defaults, then the config file, the environment and the flags. */
  public KafkaClientConfig load() {
    return load(KafkaClientConfig.CONFIG_DEF, KafkaClientConfig::new);
  }

  /**
   * A deployable's settings: defaults, then the config file, the environment, the Kafka flags and the flags of
   * {@code moreOptions} (see {@link ConfigFileOption#load}).
   */
  public <T extends AbstractConfig> T load(
      ConfigDef definition, Function<Map<String, Object>, T> constructor, Object... moreOptions) {
    return config.load(definition, constructor, withFirst(kafka, moreOptions));
  }

  /** {@code first}, then {@code rest}: option groups in the order their flags apply. */
  static Object[] withFirst(Object first, Object... rest) {
    Object[] groups = new Object[rest.length + 1];
    groups[0] = first;
    System.arraycopy(rest, 0, groups, 1, rest.length);
    return groups;
  }
}
