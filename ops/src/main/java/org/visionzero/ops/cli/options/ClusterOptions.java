package org.visionzero.ops.cli.options;

import org.visionzero.ops.config.KafkaClientConfig;
import picocli.CommandLine.Mixin;

/**
 * Options of the commands that only talk to a cluster: where it is (Kafka options) and {@code --config}, loaded
 * into their settings in one call.
 */
public final class ClusterOptions {
  @Mixin
  KafkaOptions kafka;
  @Mixin
  ConfigFileOption config;

  /** The client settings: defaults, then the config file, the environment and the flags. */
  public KafkaClientConfig load() {
    return config.load(KafkaClientConfig.CONFIG_DEF, KafkaClientConfig::new, kafka);
  }
}
