package org.visionzero.ops.cli.options;

import org.visionzero.ops.config.KafkaSettings;
import picocli.CommandLine.Option;

/** Options of every command that talks to Kafka. */
public final class KafkaOptions {

  @ConfigKey(KafkaSettings.BOOTSTRAP_SERVERS)
  @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
      description = "Kafka cluster to use (setting bootstrap.servers, env VZ_BOOTSTRAP_SERVERS).")
  String bootstrapServers;

  @ConfigKey(KafkaSettings.TOPIC_PREFIX)
  @Option(names = "--topic-prefix", paramLabel = "PREFIX",
      description = "Prefix of every topic name (setting topic.prefix, default 'vz.').")
  String topicPrefix;
}
