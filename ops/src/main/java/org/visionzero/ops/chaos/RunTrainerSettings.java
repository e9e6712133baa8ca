package org.visionzero.ops.chaos;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.visionzero.ops.config.ConfigLoader;
import org.visionzero.ops.config.ConfigSources;
import org.visionzero.ops.config.VzRunConfig;

/**
 * The trainer settings {@code vz run} gives its trainer when it runs until stopped, as {@code vz trainer} config
 * keys. {@code vz trainer}'s own defaults are those of a 280-step run; with a huge step count its warm-up (a share
 * of the steps) would keep the learning rate near zero for the whole chaos run.
 */
final class RunTrainerSettings {

  /** Any duration makes the run open-ended: its steps are unbounded and its warm-up a fixed number of steps. */
  private static final String ANY_DURATION = "15m";

  private RunTrainerSettings() {
  }

  static Map<String, String> openEnded() {
    VzRunConfig run = ConfigLoader.load(VzRunConfig.CONFIG_DEF, VzRunConfig::new,
        new ConfigSources(Optional.empty(), Map.of(), Map.of(VzRunConfig.DURATION, ANY_DURATION)));
    Map<String, String> settings = new TreeMap<>();
    run.trainerSettings().forEach((key, value) -> {
      if (value != null) {
        settings.put(key, value instanceof Collection<?> list
            ? list.stream().map(String::valueOf).collect(Collectors.joining(",")) : String.valueOf(value));
      }
    });
    return settings;
  }
}
