package org.visionzero.ops.config;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.visionzero.topics.TopicCatalog;

/**
 * The settings every command that talks to Kafka shares: where the cluster is, the topic prefix, and the client
 * security settings (SASL/SSL), which are defined with Kafka's own keys, types and validators and then passed to
 * every client unchanged.
 */
public final class KafkaSettings {

  public static final String BOOTSTRAP_SERVERS = CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG;
  public static final String TOPIC_PREFIX = "topic.prefix";
  public static final String SECURITY_PROTOCOL = CommonClientConfigs.SECURITY_PROTOCOL_CONFIG;
  public static final String TOPIC_GAME_PARTITIONS = "topic.game.partitions";
  public static final String DEFAULT_TOPIC_PREFIX = TopicCatalog.DEFAULT_PREFIX;

  private static final String GROUP = "Kafka";
  private static final int MAX_PREFIX_LENGTH = 100;
  private static final int MAX_GAME_PARTITIONS = 1_000;
  private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9a-fA-F:.]+\\]|[^\\s:,\\[\\]]+):\\d{1,5}");

  private KafkaSettings() {
  }

  /** Adds the Kafka settings to {@code definition}; {@code defaultBootstrap} may be empty ("start one here"). */
  public static ConfigDef define(ConfigDef definition, String defaultBootstrap, String bootstrapDoc) {
    definition
        .define(BOOTSTRAP_SERVERS, Type.STRING, defaultBootstrap, new BootstrapServersValidator(),
            Importance.HIGH, bootstrapDoc, GROUP, 1, ConfigDef.Width.LONG, "Bootstrap servers")
        .define(TOPIC_PREFIX, Type.STRING, DEFAULT_TOPIC_PREFIX,
            ConfigDef.LambdaValidator.with((name, value) -> {
              String prefix = (String) value;
              if (prefix.length() > MAX_PREFIX_LENGTH || !prefix.matches("[a-zA-Z0-9._-]*")) {
                throw new ConfigException(name, value, "a topic prefix may use only letters, digits, '.', '_' "
                    + "and '-', at most " + MAX_PREFIX_LENGTH + " characters");
              }
            }, () -> "letters, digits, '.', '_', '-' (e.g. 'vz.' or 'team-a.vz.')"),
            Importance.MEDIUM, "Prefix of every topic name of the catalog, e.g. 'vz.' gives 'vz.game-events'.",
            GROUP, 2, ConfigDef.Width.SHORT, "Topic prefix")
        .define(TOPIC_GAME_PARTITIONS, Type.INT, TopicCatalog.DEFAULT_GAME_PARTITIONS,
            ConfigDef.Range.between(1, MAX_GAME_PARTITIONS), Importance.MEDIUM,
            "Partitions of the per-game topics (turn requests, game events, trajectories) when they are created; "
                + "the most workers and coordinator instances that can share the work.",
            GROUP, 3, ConfigDef.Width.SHORT, "Game partitions")
        .define(SECURITY_PROTOCOL, Type.STRING, CommonClientConfigs.DEFAULT_SECURITY_PROTOCOL,
            ConfigDef.CaseInsensitiveValidString.in(securityProtocolNames()), Importance.MEDIUM,
            CommonClientConfigs.SECURITY_PROTOCOL_DOC, GROUP, 4, ConfigDef.Width.SHORT, "Security protocol");
    SslConfigs.addClientSslSupport(definition);
    SaslConfigs.addClientSaslSupport(definition);
    return definition;
  }

  /** The topic catalog that {@code config} (which must define these settings) describes. */
  public static TopicCatalog topicCatalog(AbstractConfig config) {
    return TopicCatalog.of(config.getString(TOPIC_PREFIX), config.getInt(TOPIC_GAME_PARTITIONS));
  }

  /** Every client security key this module defines (security.protocol, ssl.*, sasl.*). */
  public static Set<String> securityKeys() {
    ConfigDef security = new ConfigDef();
    SslConfigs.addClientSslSupport(security);
    SaslConfigs.addClientSaslSupport(security);
    Set<String> keys = new TreeSet<>(security.names());
    keys.add(SECURITY_PROTOCOL);
    return keys;
  }

  private static String[] securityProtocolNames() {
    return Arrays.stream(SecurityProtocol.values()).map(protocol -> protocol.name).toArray(String[]::new);
  }

  /** Accepts "" (no external cluster) or a comma-separated list of host:port. */
  static final class BootstrapServersValidator implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      String servers = ((String) value).strip();
      if (servers.isEmpty()) {
        return;
      }
      for (String server : List.of(servers.split(","))) {
        if (!HOST_PORT.matcher(server.strip()).matches()) {
          throw new ConfigException(name, value, "'" + server.strip() + "' is not host:port");
        }
      }
    }

    @Override
    public String toString() {
      return "comma-separated host:port pairs, e.g. localhost:9092,kafka-2:9092";
    }
  }
}
