package org.visionzero.ops.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.visionzero.ops.cli.options.OutputOptions;
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
  @Option(names = "--games-in-flight", paramLabel = "N", defaultValue = "1024",
      description = "The coordinator's bound on games in flight, and the worker's batch bound (default 1024).")
  int gamesInFlight;
  @Option(names = "--rate", paramLabel = "TURNS_PER_S", defaultValue = "0",
      description = "Offered load in turns a second, fed as games on a fixed schedule (default 0: all at once, "
          + "full load).")
  double rate;
  @Option(names = "--config", paramLabel = "FILE",
      description = "A vz run settings file to measure with (e.g. streams.commit.interval.ms); the options above "
          + "win over it.")
  Path settings;
  @Option(names = "--budget-s", paramLabel = "S", defaultValue = "600",
      description = "Give up waiting for the games after S seconds (default 600).")
  long budgetSeconds;

  @Mixin
  OutputOptions output;

  @Override
  public void run() {
    ScratchBenchmark.run("vz-bench-pipeline", work -> PipelineBenchmark.run(new PipelineBenchmark.Options(work,
        games, workers, gamesInFlight, rate, Duration.ofSeconds(budgetSeconds), Optional.ofNullable(settings))),
        this::report);
  }

  private void report(PipelineBenchmark.Result result) {
    output.print(result.toJson(), () -> String.format(Locale.ROOT,
        "%d games in %.1f s: %.1f games/s, %.0f turns/s, turn latency p50 %.0f ms p99 %.0f ms, %.2f cores; "
            + "read back: %d turns requested, %d answered, %d retried, %d answered twice, %d games lost; "
            + "%d records: pipeline %.0f records/s, raw Kafka %.0f records/s, ratio %.3f", result.games(),
        result.pipelineSeconds(), result.gamesPerSecond(), result.turnsPerSecond(), result.p50TurnMillis(),
        result.p99TurnMillis(), result.cpuCoresUsed(), result.readBack().turnsRequested(),
        result.readBack().turnsAnswered(), result.readBack().turnsRetried(), result.readBack().duplicateTurns(),
        result.readBack().gamesLost(), result.records(), result.pipelineRecordsPerSecond(),
        result.rawRecordsPerSecond(), result.ratio()));
    if (!result.complete()) {
      throw new IllegalStateException("the pipeline lost or repeated work (see the read-back figures above)");
    }
  }
}
