package org.visionzero.ops.cli.options;

import java.util.Map;
import org.visionzero.ops.config.KafkaSettings;
import picocli.CommandLine.Option;

/** Options of every command that talks to Kafka. */
public final class KafkaOptions implements FlagSource {

  @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
      description = "Kafka cluster to use (setting bootstrap.servers, env VZ_BOOTSTRAP_SERVERS).")
  String bootstrapServers;

  @Option(names = "--topic-prefix", paramLabel = "PREFIX",
      description = "Prefix of every topic name (setting topic.prefix, default 'vz.').")
  String topicPrefix;

  @Override
  public void addTo(Map<String, String> flags) {
    FlagSource.putIfGiven(flags, KafkaSettings.BOOTSTRAP_SERVERS, bootstrapServers);
    FlagSource.putIfGiven(flags, KafkaSettings.TOPIC_PREFIX, topicPrefix);
  }
}
