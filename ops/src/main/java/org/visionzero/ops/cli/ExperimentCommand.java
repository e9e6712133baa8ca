package org.visionzero.ops.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.visionzero.ops.cli.options.OutputOptions;
import org.visionzero.ops.config.DurationText;
import org.visionzero.ops.config.VzRunConfig;
import org.visionzero.ops.experiment.ChildVzLauncher;
import org.visionzero.ops.experiment.ExperimentReport;
import org.visionzero.ops.experiment.ExperimentRunner;
import org.visionzero.ops.experiment.ExperimentSpec;
import org.visionzero.ops.experiment.RunOutcome;
import org.visionzero.ops.progress.ConsoleProgress;
import org.visionzero.ops.threads.DaemonTimers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vz experiment}: the arms of an experiment file, one {@code vz run} each per seed, and their table. */
@Command(name = "experiment", mixinStandardHelpOptions = true,
    description = {"Run the arms of an experiment file, a vz run per arm and seed.",
        "Arms run one after another on the same seeds, each for the same time budget with the same fixed-referee "
            + "evaluation; experiment.json and experiment.html hold the table and the curves.",
        "Resumable: run the same command again after Ctrl-C or a crash and the finished runs are kept. Ready files: "
            + "ops/experiments/*.properties."})
public final class ExperimentCommand implements Callable<Integer> {
  /** Exit code of a stopped experiment (as a shell reports SIGINT). */
  private static final int STOPPED = 130;

  @Parameters(index = "0", paramLabel = "FILE", description = "The experiment file (arms and their settings).")
  Path file;
  @Option(names = "--dir", paramLabel = "DIR", required = true,
      description = "Where the runs, experiment.json and experiment.html go (kept between attempts, to resume).")
  Path dir;
  @Option(names = "--seeds", paramLabel = "S,S", split = ",",
      description = "Seeds instead of the file's (at least two for a figure worth reading).")
  List<Long> seeds;
  @Option(names = "--budget", paramLabel = "D", description = "Time of each run instead of the file's, e.g. 10m.")
  String budget;

  @Mixin
  OutputOptions output;

  @Override
  public Integer call() {
    ExperimentSpec spec = load();
    ExperimentRunner runner = new ExperimentRunner(spec, dir, new ChildVzLauncher(), output::progress);
    List<RunOutcome> outcomes = new ArrayList<>();
    boolean stopped = false;
    Thread main = Thread.currentThread();
    Thread stopHook = new Thread(() -> stopAndWait(main), "vz-experiment-stop");
    Runtime.getRuntime().addShutdownHook(stopHook);
    ScheduledExecutorService ticker = progressTicker(spec, runner);
    try {
      outcomes.addAll(runner.run());
    } catch (InterruptedException e) {
      stopped = true;
    } catch (IOException e) {
      throw new IllegalStateException("experiment failed: " + e.getMessage(), e);
    } finally {
      ticker.shutdownNow();
      if (!stopped) {
        Runtime.getRuntime().removeShutdownHook(stopHook);
      }
    }
    ExperimentReport report = new ExperimentReport(spec, stopped ? runner.finished() : outcomes);
    write(report);
    output.print(report.toJson(), () -> "experiment " + spec.name() + ": " + (report.complete() ? "complete" : "NOT "
        + "complete") + "; table in " + dir.resolve("experiment.html") + ", figures in "
        + dir.resolve("experiment.json"));
    if (stopped) {
      output.progress("Stopped: run the same command again to resume (finished runs are kept).");
      return STOPPED;
    }
    if (!report.complete()) {
      throw new IllegalStateException("some runs failed (see experiment.json); run the command again to retry them");
    }
    return 0;
  }

  private ExperimentSpec load() {
    try {
      ExperimentSpec spec = ExperimentSpec.read(file);
      spec = spec.with(seeds == null ? spec.seeds() : seeds,
          budget == null ? spec.budget() : DurationText.parse("--budget", budget));
      checkSettings(spec);
      Files.createDirectories(dir);
      return spec;
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + " or create " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Every arm's settings must make a valid vz run before the first run starts (a typo fails now, not in an hour). */
  private static void checkSettings(ExperimentSpec spec) {
    for (ExperimentSpec.Arm arm : spec.arms()) {
      Map<String, String> settings = spec.settingsOf(arm);
      List<String> unknown = settings.keySet().stream()
          .filter(key -> !VzRunConfig.CONFIG_DEF.names().contains(key)).toList();
      if (!unknown.isEmpty()) {
        throw new IllegalArgumentException("arm " + arm.name() + ": unknown vz run settings " + unknown
            + " (see vz run --help and the README's settings)");
      }
      try {
        new VzRunConfig(new HashMap<>(settings));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("arm " + arm.name() + ": " + e.getMessage(), e);
      }
    }
  }

  private void write(ExperimentReport report) {
    try {
      Files.writeString(dir.resolve("experiment.json"), report.json(), StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("experiment.html"), report.html(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the experiment's report into " + dir + ": " + e.getMessage(), e);
    }
  }

  private static ScheduledExecutorService progressTicker(ExperimentSpec spec, ExperimentRunner runner) {
    ConsoleProgress progress = ConsoleProgress.onStderr(ConsoleProgress.LOG_EVERY);
    ScheduledExecutorService ticker = DaemonTimers.named("vz-experiment-progress");
    ticker.scheduleAtFixedRate(() -> {
      Instant now = Instant.now();
      progress.update("experiment " + spec.name() + " " + ConsoleProgress.bar(runner.share(now)) + "  about "
          + ConsoleProgress.time(runner.budgetLeft(now)) + " of run budgets left");
    }, 1, 1, TimeUnit.SECONDS);
    return ticker;
  }

  private static void stopAndWait(Thread main) {
    main.interrupt();
    try {
      main.join(Duration.ofSeconds(90).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
