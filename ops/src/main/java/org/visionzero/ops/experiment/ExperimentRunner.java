package org.visionzero.ops.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.visionzero.files.Directories;
import org.visionzero.json.Json;
import org.visionzero.ops.config.BrokerSettingsDef;
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
  private static final String EPHEMERAL_PORT_SETTING = BrokerSettingsDef.BROKER_PORT;

  private final ExperimentSpec spec;
  private final Path dir;
  private final RunLauncher launcher;
  private final Consumer<String> messages;
  private volatile int runsDone;
  private volatile Instant runStarted = Instant.now();

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

  /**
   * Runs (or takes from an earlier attempt) every arm on every seed: seed by seed, and within a seed every arm in
   * file order. Interleaving the arms spreads whatever else the machine does over all of them alike, instead of
   * over the arm that happens to run at the time.
   */
  public List<RunOutcome> run() throws IOException, InterruptedException {
    List<RunOutcome> outcomes = new ArrayList<>();
    int total = spec.arms().size() * spec.seeds().size();
    int index = 0;
    for (long seed : spec.seeds()) {
      for (ExperimentSpec.Arm arm : spec.arms()) {
        index++;
        String label = "run " + index + "/" + total + " (" + arm.name() + ", seed " + seed + ")";
        Path runDir = runDir(arm, seed);
        Path outcomeFile = runDir.resolve(OUTCOME_FILE);
        if (Files.exists(outcomeFile)) {
          messages.accept(label + ": finished before, kept");
          outcomes.add(readOutcome(arm, seed, outcomeFile));
          runsDone++;
          continue;
        }
        messages.accept(label + ": starting, " + spec.budget().toSeconds() + " s");
        runStarted = Instant.now();
        outcomes.add(runOnce(arm, seed, runDir));
        runsDone++;
        messages.accept(label + ": " + outcomes.get(outcomes.size() - 1).failure().map(f -> "FAILED, " + f)
            .orElse("finished"));
      }
    }
    return outcomes;
  }

  /** The runs that finished, in this attempt or an earlier one (after a stop: what the report can show). */
  public List<RunOutcome> finished() {
    List<RunOutcome> finished = new ArrayList<>();
    for (ExperimentSpec.Arm arm : spec.arms()) {
      for (long seed : spec.seeds()) {
        Path outcomeFile = runDir(arm, seed).resolve(OUTCOME_FILE);
        try {
          if (Files.exists(outcomeFile)) {
            finished.add(readOutcome(arm, seed, outcomeFile));
          }
        } catch (IOException e) {
          messages.accept(arm.name() + ", seed " + seed + ": " + outcomeFile
              + " unreadable, the run will be done again: " + e.getMessage());
        }
      }
    }
    return finished;
  }

  private static RunOutcome readOutcome(ExperimentSpec.Arm arm, long seed, Path outcomeFile) throws IOException {
    return RunOutcome.finished(arm.name(), seed, Json.mapper().readTree(outcomeFile.toFile()).path("summary"));
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

  /**
   * The run's settings: an ephemeral broker port (runs need no fixed one), the experiment's common settings, the
   * arm's, then its id and seeds (which nothing overrides).
   */
  String settingsText(ExperimentSpec.Arm arm, long seed, String runId) {
    StringBuilder text = new StringBuilder("# vz experiment ").append(spec.name()).append(", arm ")
        .append(arm.name()).append(", seed ").append(seed).append('\n');
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put(EPHEMERAL_PORT_SETTING, "0");
    settings.putAll(spec.settingsOf(arm));
    for (Map.Entry<String, String> setting : settings.entrySet()) {
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

  /**
   * How far the experiment is at {@code now}: finished runs, plus the running one's share of its budget (at most
   * 99 %: a run also starts and stops), over all runs.
   */
  public double share(Instant now) {
    int total = spec.arms().size() * spec.seeds().size();
    double current = Math.min(0.99, (double) Duration.between(runStarted, now).toMillis() / spec.budget().toMillis());
    return Math.min(1.0, (runsDone + (runsDone < total ? current : 0)) / total);
  }

  /** The budget of the runs not finished yet, less the time the running one has had. */
  public Duration budgetLeft(Instant now) {
    int left = spec.arms().size() * spec.seeds().size() - runsDone;
    if (left <= 0) {
      return Duration.ZERO;
    }
    Duration elapsed = Duration.between(runStarted, now);
    return spec.budget().multipliedBy(left).minus(elapsed.compareTo(spec.budget()) < 0 ? elapsed : spec.budget());
  }
}
