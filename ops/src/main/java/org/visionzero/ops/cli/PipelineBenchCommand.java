package org.visionzero.ops.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.visionzero.ops.cli.options.OutputOptions;
import org.visionzero.ops.files.ScratchDir;
import org.visionzero.ops.run.PipelineBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vz bench pipeline}: the full pipeline with the scripted policy against raw Kafka on the same broker. */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
    description = {"Games/s, turns/s and turn latency of the full pipeline (scripted zero-cost policy, embedded "
        + "broker), and the raw Kafka rate for as many records of the same sizes on the same broker."})
public final class PipelineBenchCommand implements Runnable {

  @Option(names = "--games", paramLabel = "N", defaultValue = "2000", description = "Games to play (default 2000).")
  int games;
  @Option(names = "--workers", paramLabel = "N", defaultValue = "1", description = "Worker instances (default 1).")
  int workers;
  @Option(names = "--budget-s", paramLabel = "S", defaultValue = "600",
      description = "Give up waiting for the games after S seconds (default 600).")
  long budgetSeconds;

  @Mixin
  OutputOptions output;

  @Override
  public void run() {
    try {
      PipelineBenchmark.Result result;
      try (ScratchDir work = ScratchDir.create("vz-bench-pipeline")) {
        result = PipelineBenchmark.run(work.path(), games, workers, Duration.ofSeconds(budgetSeconds));
      }
      output.print(result.toJson(), () -> String.format(Locale.ROOT,
          "%d games in %.1f s: %.1f games/s, %.0f turns/s, turn latency p50 %.0f ms p99 %.0f ms; %d records: "
              + "pipeline %.0f records/s, raw Kafka %.0f records/s, ratio %.3f", result.games(),
          result.pipelineSeconds(), result.gamesPerSecond(), result.turnsPerSecond(), result.p50TurnMillis(),
          result.p99TurnMillis(), result.records(), result.pipelineRecordsPerSecond(), result.rawRecordsPerSecond(),
          result.ratio()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("benchmark interrupted", e);
    } catch (Exception e) {
      throw new IllegalStateException("benchmark failed: " + e.getMessage(), e);
    }
  }
}
