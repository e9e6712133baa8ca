package org.visionzero.ops.cli.options;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.visionzero.ops.config.ConfigLoader;
import org.visionzero.ops.config.ConfigSources;
import picocli.CommandLine.Option;

/** {@code --config FILE}, and loading a command's typed config from file, environment and flags. */
public final class ConfigFileOption {

  @Option(names = "--config", paramLabel = "FILE",
      description = "Properties file with settings (default: $VZ_CONFIG). VZ_* environment variables and flags "
          + "override it; SASL/SSL client settings in it go to every Kafka client.")
  Path file;

  /**
   * The config of a command: defaults &lt; this file &lt; environment &lt; the given flags, which are the
   * {@link ConfigKey} options of {@code optionGroups} (the command and the mixins its settings define) and what
   * those that are a {@link FlagSource} add.
   */
  public <T extends AbstractConfig> T load(
      ConfigDef definition, Function<Map<String, Object>, T> constructor, Object... optionGroups) {
    return ConfigLoader.load(definition, constructor, ConfigSources.of(file, GivenFlags.of(optionGroups)));
  }
}
