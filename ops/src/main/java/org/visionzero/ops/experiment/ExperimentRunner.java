package org.visionzero.ops.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.visionzero.files.Directories;
import org.visionzero.json.Json;
import org.visionzero.ops.report.RunReport;

/**
 * Runs every arm of an experiment on every seed, one {@code vz run} after another, under {@code dir/runs/ARM/seed-S}.
 * A run that finished leaves {@value #OUTCOME_FILE} (its summary, arm and seed) beside its data; running the
 * experiment again skips those runs, so it resumes after Ctrl-C or a crash. A run without that file (stopped,
 * crashed or failed) starts again from an empty directory: a half-trained arm is never reported.
 */
public final class ExperimentRunner {
  /** Written into a run's directory once it finished; its presence is what resuming trusts. */
  public static final String OUTCOME_FILE = "outcome.json";
  private static final int LOG_TAIL_LINES = 15;

  private final ExperimentSpec spec;
  private final Path dir;
  private final RunLauncher launcher;
  private final Consumer<String> messages;

  /**
   * @param messages one line per run started, skipped, finished or failed
   */
  public ExperimentRunner(ExperimentSpec spec, Path dir, RunLauncher launcher, Consumer<String> messages) {
    this.spec = spec;
    this.dir = dir;
    this.launcher = launcher;
    this.messages = messages;
  }

  /** Where a run of an arm keeps its data. */
  public Path runDir(ExperimentSpec.Arm arm, long seed) {
    return dir.resolve("runs").resolve(arm.name()).resolve("seed-" + seed);
  }

  /** Runs (or takes from an earlier attempt) every arm on every seed, arms in file order, seeds within an arm. */
  public List<RunOutcome> run() throws IOException, InterruptedException {
    List<RunOutcome> outcomes = new ArrayList<>();
    int total = spec.arms().size() * spec.seeds().size();
    int index = 0;
    for (ExperimentSpec.Arm arm : spec.arms()) {
      for (long seed : spec.seeds()) {
        index++;
        String label = "run " + index + "/" + total + " (" + arm.name() + ", seed " + seed + ")";
        Path runDir = runDir(arm, seed);
        Path outcomeFile = runDir.resolve(OUTCOME_FILE);
        if (Files.exists(outcomeFile)) {
          messages.accept(label + ": finished before, kept");
          outcomes.add(RunOutcome.finished(arm.name(), seed, Json.mapper().readTree(outcomeFile.toFile())
              .path("summary")));
          continue;
        }
        messages.accept(label + ": starting, " + spec.budget().toSeconds() + " s");
        outcomes.add(runOnce(arm, seed, runDir));
        messages.accept(label + ": " + outcomes.get(outcomes.size() - 1).failure().map(f -> "FAILED, " + f)
            .orElse("finished"));
      }
    }
    return outcomes;
  }

  private RunOutcome runOnce(ExperimentSpec.Arm arm, long seed, Path runDir) throws IOException, InterruptedException {
    Directories.deleteRecursively(runDir);
    Files.createDirectories(runDir);
    String runId = arm.name() + "-seed-" + seed;
    Path settings = runDir.resolve("settings.properties");
    Files.writeString(settings, settingsText(arm, seed, runId), StandardCharsets.UTF_8);
    Path log = runDir.resolve("vz-run.log");
    int exit = launcher.run(settings, runDir, spec.budget(), log);
    Path summaryFile = runDir.resolve("runs").resolve(runId).resolve(RunReport.SUMMARY_FILE);
    if (exit != 0 || !Files.exists(summaryFile)) {
      return RunOutcome.failed(arm.name(), seed, "vz run exited with " + exit
          + (Files.exists(summaryFile) ? "" : " and wrote no summary") + "; log " + log + ":\n" + tail(log));
    }
    JsonNode summary = Json.mapper().readTree(summaryFile.toFile());
    ObjectNode outcome = Json.object();
    outcome.put("arm", arm.name());
    outcome.put("seed", seed);
    outcome.set("summary", summary);
    Files.writeString(runDir.resolve(OUTCOME_FILE), Json.writePretty(outcome), StandardCharsets.UTF_8);
    return RunOutcome.finished(arm.name(), seed, summary);
  }

  /** The run's settings: the experiment's common ones, the arm's, then its id and seeds (which nothing overrides). */
  String settingsText(ExperimentSpec.Arm arm, long seed, String runId) {
    StringBuilder text = new StringBuilder("# vz experiment ").append(spec.name()).append(", arm ")
        .append(arm.name()).append(", seed ").append(seed).append('\n');
    for (Map.Entry<String, String> setting : spec.settingsOf(arm).entrySet()) {
      text.append(setting.getKey()).append('=').append(escape(setting.getValue())).append('\n');
    }
    text.append("run.id=").append(runId).append('\n');
    text.append("produce.seed=").append(seed).append('\n');
    text.append("pretrain.seed=").append(seed).append('\n');
    return text.toString();
  }

  /** A value as java.util.Properties reads it back: backslashes doubled. */
  private static String escape(String value) {
    return value.replace("\\", "\\\\");
  }

  private static String tail(Path log) {
    try {
      if (!Files.exists(log)) {
        return "(no log)";
      }
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(log unreadable: " + e.getMessage() + ")";
    }
  }

  /** The budget of the whole experiment: every run's. */
  public Duration totalBudget() {
    return spec.budget().multipliedBy((long) spec.arms().size() * spec.seeds().size());
  }
}
