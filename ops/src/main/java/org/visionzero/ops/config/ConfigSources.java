package org.visionzero.ops.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The layers a setting may come from, lowest precedence first: the defaults of the {@code ConfigDef}, a
 * properties file, the environment ({@code VZ_...} names), and command-line flags.
 *
 * @param file a properties file, if one was given (flag {@code --config} or {@code VZ_CONFIG})
 * @param environment the process environment (injectable for tests)
 * @param flags values given as command-line flags, by setting key
 */
public record ConfigSources(Optional<Path> file, Map<String, String> environment, Map<String, String> flags) {

  /** Environment variable that names the config file when {@code --config} is not given. */
  public static final String CONFIG_FILE_VARIABLE = "VZ_CONFIG";

  public ConfigSources {
    environment = Map.copyOf(environment);
    flags = Map.copyOf(flags);
  }

  /** Sources of a real command: the flag's file, else {@value #CONFIG_FILE_VARIABLE}, else none. */
  public static ConfigSources of(Path configFlag, Map<String, String> flags) {
    Map<String, String> env = System.getenv();
    Optional<Path> file = Optional.ofNullable(configFlag)
        .or(() -> Optional.ofNullable(env.get(CONFIG_FILE_VARIABLE)).filter(v -> !v.isBlank()).map(Path::of));
    return new ConfigSources(file, env, flags);
  }
}
