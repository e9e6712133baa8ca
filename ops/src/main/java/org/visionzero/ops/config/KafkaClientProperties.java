package org.visionzero.ops.config;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.AbstractConfig;

/**
 * The properties every Kafka client of a command starts from: bootstrap servers, the security settings that
 * were set (SASL/SSL, passed through unchanged) and any {@code kafka.client.*} setting of the config file.
 * Components add their own (group id, transactional id, serdes) on top of {@link #asMap()}.
 */
public final class KafkaClientProperties {

  private static final Set<String> SECURITY_KEYS = KafkaSettings.securityKeys();

  private final Map<String, Object> properties;

  private KafkaClientProperties(Map<String, Object> properties) {
    this.properties = Map.copyOf(properties);
  }

  /** The client properties of {@code config}, which must define {@link KafkaSettings}. */
  public static KafkaClientProperties from(AbstractConfig config) {
    Map<String, Object> properties = new HashMap<>();
    String bootstrap = config.getString(KafkaSettings.BOOTSTRAP_SERVERS).strip();
    if (!bootstrap.isEmpty()) {
      properties.put(KafkaSettings.BOOTSTRAP_SERVERS, bootstrap);
    }
    config.originals().forEach((key, value) -> {
      if (SECURITY_KEYS.contains(key) && value != null) {
        properties.put(key, value);
      }
    });
    properties.putAll(config.originalsWithPrefix(ConfigLoader.CLIENT_PASSTHROUGH_PREFIX));
    return new KafkaClientProperties(properties);
  }

  /** The same properties pointed at {@code bootstrapServers}, e.g. an embedded broker started just now. */
  public KafkaClientProperties withBootstrapServers(String bootstrapServers) {
    Map<String, Object> copy = new HashMap<>(properties);
    copy.put(KafkaSettings.BOOTSTRAP_SERVERS, bootstrapServers);
    return new KafkaClientProperties(copy);
  }

  public String bootstrapServers() {
    Object servers = properties.get(KafkaSettings.BOOTSTRAP_SERVERS);
    if (servers == null) {
      throw new VzConfigException("No Kafka cluster configured: set --bootstrap-servers, "
          + ConfigLoader.environmentName(KafkaSettings.BOOTSTRAP_SERVERS) + " or '"
          + KafkaSettings.BOOTSTRAP_SERVERS + "' in the config file.");
    }
    return servers.toString();
  }

  /** Properties for an AdminClient that gives up after {@code timeout} instead of Kafka's default minute. */
  public Map<String, Object> forAdmin(Duration timeout) {
    Map<String, Object> admin = asMap();
    int millis = Math.toIntExact(timeout.toMillis());
    admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
    admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
    return admin;
  }

  /**
   * Every property but the bootstrap servers (security, {@code kafka.client.*}) under {@code prefix}: the form a
   * module's own config passes on to its clients ({@code streams.}, {@code client.}, {@code kafka.}), so that the
   * components {@code vz run} starts use the same SASL/TLS settings as its own clients.
   */
  public Map<String, Object> prefixed(String prefix) {
    Map<String, Object> prefixed = new HashMap<>();
    properties.forEach((key, value) -> {
      if (!KafkaSettings.BOOTSTRAP_SERVERS.equals(key)) {
        prefixed.put(prefix + key, value);
      }
    });
    return prefixed;
  }

  /** A mutable copy, to add component-specific settings to. */
  public Map<String, Object> asMap() {
    bootstrapServers();
    return new HashMap<>(properties);
  }
}
