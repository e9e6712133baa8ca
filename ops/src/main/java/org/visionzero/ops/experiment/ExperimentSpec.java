package org.visionzero.ops.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.visionzero.ops.config.DurationText;

/**
 * An experiment: named arms of {@code vz run} settings, each run for the same time budget on the same seeds. Read
 * from a properties-style file whose arms keep the order they first appear in:
 *
 * <pre>
 * name = rae
 * description = Role-advantage estimation on and off
 * budget = 10m
 * seeds = 1, 2
 * common.eval.final.games = 200      # every arm
 * arm.rae-on.trainer.rae.enabled = true
 * arm.rae-off.trainer.rae.enabled = false
 * </pre>
 *
 * @param name        the experiment's name (letters, digits, '-' and '_')
 * @param description what it asks, for the report
 * @param budget      wall time of each run ({@code vz run --duration})
 * @param seeds       seeds of the runs of every arm (image pairs and pretraining)
 * @param common      settings of every arm
 * @param arms        the arms, in file order
 */
public record ExperimentSpec(String name, String description, Duration budget, List<Long> seeds,
    Map<String, String> common, List<Arm> arms) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");
  private static final String ARM = "arm.";
  private static final String COMMON = "common.";

  /** One arm: a name and the settings it changes. */
  public record Arm(String name, Map<String, String> settings) {
    public Arm {
      requireName("arm", name);
      settings = Map.copyOf(settings);
    }
  }

  public ExperimentSpec {
    requireName("experiment", name);
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(budget, "budget");
    if (budget.isNegative() || budget.isZero()) {
      throw new IllegalArgumentException("budget must be positive, was " + budget);
    }
    seeds = List.copyOf(seeds);
    if (seeds.isEmpty() || seeds.stream().distinct().count() != seeds.size()) {
      throw new IllegalArgumentException("seeds must be one or more distinct numbers, were " + seeds);
    }
    common = Map.copyOf(common);
    arms = List.copyOf(arms);
    if (arms.isEmpty()) {
      throw new IllegalArgumentException("an experiment needs at least one arm (arm.NAME.SETTING = VALUE)");
    }
    if (arms.stream().map(Arm::name).distinct().count() != arms.size()) {
      throw new IllegalArgumentException("arm names must be distinct");
    }
  }

  /** The settings of one arm's run: the common ones, then the arm's. */
  public Map<String, String> settingsOf(Arm arm) {
    Map<String, String> settings = new LinkedHashMap<>(common);
    settings.putAll(arm.settings());
    return settings;
  }

  /** Reads an experiment file; a malformed line or a missing key is an IllegalArgumentException naming it. */
  public static ExperimentSpec read(Path file) throws IOException {
    return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
  }

  static ExperimentSpec parse(List<String> lines, String source) {
    Map<String, String> top = new LinkedHashMap<>();
    Map<String, String> common = new LinkedHashMap<>();
    Map<String, Map<String, String>> arms = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = stripComment(lines.get(i)).strip();
      if (line.isEmpty()) {
        continue;
      }
      int equals = line.indexOf('=');
      if (equals <= 0) {
        throw new IllegalArgumentException(source + ":" + (i + 1) + ": expected KEY = VALUE, got '" + line + "'");
      }
      String key = line.substring(0, equals).strip();
      String value = line.substring(equals + 1).strip();
      if (key.startsWith(ARM)) {
        int dot = key.indexOf('.', ARM.length());
        if (dot < 0 || dot == key.length() - 1) {
          throw new IllegalArgumentException(source + ":" + (i + 1) + ": expected arm.NAME.SETTING, got '" + key + "'");
        }
        arms.computeIfAbsent(key.substring(ARM.length(), dot), n -> new LinkedHashMap<>())
            .put(key.substring(dot + 1), value);
      } else if (key.startsWith(COMMON)) {
        common.put(key.substring(COMMON.length()), value);
      } else if (List.of("name", "description", "budget", "seeds").contains(key)) {
        top.put(key, value);
      } else {
        throw new IllegalArgumentException(source + ":" + (i + 1) + ": unknown key '" + key
            + "': use name, description, budget, seeds, common.SETTING or arm.NAME.SETTING");
      }
    }
    List<Arm> armList = new ArrayList<>();
    arms.forEach((armName, settings) -> armList.add(new Arm(armName, settings)));
    return new ExperimentSpec(required(top, "name", source), top.getOrDefault("description", ""),
        DurationText.parse("budget", required(top, "budget", source)), seeds(required(top, "seeds", source), source),
        common, armList);
  }

  /** The same experiment with other seeds or budget (command-line overrides). */
  public ExperimentSpec with(List<Long> otherSeeds, Duration otherBudget) {
    return new ExperimentSpec(name, description, otherBudget, otherSeeds, common, arms);
  }

  private static String stripComment(String line) {
    int hash = line.indexOf('#');
    return hash < 0 ? line : line.substring(0, hash);
  }

  private static String required(Map<String, String> top, String key, String source) {
    String value = top.get(key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(source + ": '" + key + "' is missing");
    }
    return value;
  }

  private static List<Long> seeds(String text, String source) {
    List<Long> seeds = new ArrayList<>();
    for (String part : text.split(",")) {
      try {
        seeds.add(Long.parseLong(part.strip()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(source + ": seeds must be whole numbers separated by commas, got '"
            + text + "'", e);
      }
    }
    return seeds;
  }

  private static void requireName(String what, String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(what + " name '" + name + "' must be letters, digits, '-' or '_'");
    }
  }
}
