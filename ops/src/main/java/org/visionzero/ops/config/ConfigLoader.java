package org.visionzero.ops.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a typed config from layered sources: defaults &lt; config file &lt; environment &lt; flags. Every
 * supplied value is checked against its {@link ConfigDef} key once, here, and a bad one stops the command with
 * the setting, its origin, and what is allowed.
 */
public final class ConfigLoader {

  /** Config-file keys with this prefix go, without it, to every Kafka client (any client setting). */
  public static final String CLIENT_PASSTHROUGH_PREFIX = "kafka.client.";

  private static final Logger LOG = LoggerFactory.getLogger(ConfigLoader.class);
  private static final String ENV_PREFIX = "VZ_";
  private static final Set<String> CLIENT_SECURITY_KEYS = KafkaSettings.securityKeys();

  private ConfigLoader() {
  }

  /** The environment variable that sets {@code key}, e.g. {@code broker.port} is {@code VZ_BROKER_PORT}. */
  public static String environmentName(String key) {
    return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  public static <T extends AbstractConfig> T load(
      ConfigDef definition, Function<Map<String, Object>, T> constructor, ConfigSources sources) {
    Map<String, Object> values = new LinkedHashMap<>();
    sources.file().ifPresent(file -> addFile(definition, file, values));
    for (String key : definition.names()) {
      String value = sources.environment().get(environmentName(key));
      if (value != null) {
        values.put(key, checked(definition, key, value, "environment variable " + environmentName(key)));
      }
    }
    sources.flags().forEach((key, value) -> {
      requireKnown(definition, key, "a flag");
      values.put(key, checked(definition, key, value, "the command line"));
    });
    try {
      return constructor.apply(values);
    } catch (ConfigException e) {
      throw new VzConfigException("Invalid configuration: " + e.getMessage(), e);
    }
  }

  private static void addFile(ConfigDef definition, Path file, Map<String, Object> values) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new VzConfigException("Cannot read config file " + file.toAbsolutePath()
          + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + "): check the --config path or "
          + ConfigSources.CONFIG_FILE_VARIABLE + ".", e);
    }
    String origin = "config file " + file;
    for (String key : new TreeSet<>(properties.stringPropertyNames())) {
      String value = properties.getProperty(key).strip();
      if (definition.configKeys().containsKey(key)) {
        values.put(key, checked(definition, key, value, origin));
      } else if (key.startsWith(CLIENT_PASSTHROUGH_PREFIX)) {
        values.put(key, value);
      } else if (CLIENT_SECURITY_KEYS.contains(key)) {
        // one client.properties (SASL/TLS) serves every command: where a command does not define the key itself,
        // it goes to its Kafka clients like kafka.client.<key>
        values.putIfAbsent(CLIENT_PASSTHROUGH_PREFIX + key, value);
      } else {
        LOG.warn("Setting '{}' in {} is not used by this command (known settings: {})", key, file,
            new TreeSet<>(definition.names()));
      }
    }
  }

  private static void requireKnown(ConfigDef definition, String key, String origin) {
    if (!definition.configKeys().containsKey(key)) {
      throw new IllegalStateException("Setting '" + key + "' from " + origin + " is not defined for this command");
    }
  }

  /** Kafka's message without its own "Invalid value X for configuration K:" prefix, which we already say. */
  private static String reason(String key, ConfigException e) {
    String message = String.valueOf(e.getMessage());
    String marker = "for configuration " + key + ": ";
    int at = message.indexOf(marker);
    return at < 0 ? message : message.substring(at + marker.length());
  }

  /** Parses and validates one raw value so that an error can say where it came from. */
  private static Object checked(ConfigDef definition, String key, String rawValue, String origin) {
    ConfigDef.ConfigKey configKey = definition.configKeys().get(key);
    try {
      Object parsed = ConfigDef.parseType(key, rawValue, configKey.type);
      if (configKey.validator != null) {
        configKey.validator.ensureValid(key, parsed);
      }
      return parsed;
    } catch (ConfigException e) {
      String allowed = configKey.validator == null ? "a value of type " + configKey.type.name().toLowerCase(Locale.ROOT)
          : configKey.validator.toString();
      String shown = configKey.type == ConfigDef.Type.PASSWORD ? "[hidden]" : rawValue;
      throw new VzConfigException("Invalid value '" + shown + "' for setting '" + key + "' (from " + origin
          + "): " + reason(key, e) + ". Allowed: " + allowed + ". This setting is: " + configKey.documentation, e);
    }
  }
}
