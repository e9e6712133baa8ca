package org.visionzero.ops.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.visionzero.ops.cli.options.OutputOptions;
import org.visionzero.ops.run.ScaleBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vz bench scale}: the real orchestration against N simulated GPUs, and the simulated synchronous loop. */
@Command(name = "scale", mixinStandardHelpOptions = true,
    description = {"GPU utilisation, turns/s, trajectories/s and staleness of the pipeline (embedded broker, real "
        + "coordinator, scorer and workers) playing on N simulated H100s serving a 7B VLM, with a trainer of "
        + "simulated step time; and the trajectories/s of the synchronous loop on the same model. Rates are per "
        + "simulated second (see ops/SCALING.md)."})
public final class ScaleBenchCommand implements Runnable {

  @Option(names = "--gpus", paramLabel = "N[,N...]", split = ",", defaultValue = "8,64,256,1024",
      description = "Simulated GPUs of each run (default 8,64,256,1024).")
  List<Integer> gpus;
  @Option(names = "--duration-per-run", paramLabel = "S", defaultValue = "12",
      description = "Simulated seconds of each run's measured window, after its warm-up; in wall time the run's "
          + "time scale times as long (default 12: three training steps).")
  double windowSeconds;
  @Option(names = "--batch-per-gpu", paramLabel = "B", defaultValue = "4",
      description = "Turns a GPU batches, and games per GPU of the synchronous loop (default 4).")
  int batchPerGpu;
  @Option(names = "--batches-in-flight", paramLabel = "C", defaultValue = "2",
      description = "Batches of games a GPU has in flight: one computed while the others go round the "
          + "orchestration (default 2; more hides a slower round trip and adds staleness).")
  int batchesInFlight;
  @Option(names = "--workers", paramLabel = "W", defaultValue = "4",
      description = "Worker consumers, each driving N/W simulated GPUs (1-4, the turn topic's partitions; "
          + "default 4).")
  int workers;
  @Option(names = "--train-step-s", paramLabel = "S", defaultValue = "4",
      description = "Simulated seconds of one training step, both arms (default 4).")
  double trainStepSeconds;
  @Option(names = "--time-scale", paramLabel = "X",
      description = "Wall seconds per simulated second for every run (default: per run, the smallest that keeps "
          + "the orchestration at --wall-turns-per-s).")
  Double timeScale;
  @Option(names = "--wall-turns-per-s", paramLabel = "R", defaultValue = "250",
      description = "Wall turns a second the automatic time scale aims at (default 250: what one orchestration "
          + "process kept up with on this shared 2-core machine; ~2,000 when it is idle).")
  double wallTurnsPerSecond;
  @Option(names = "--config", paramLabel = "FILE",
      description = "A vz run settings file to measure with; the bench's own choices win over it.")
  Path settings;
  @Option(names = "--budget-s", paramLabel = "S", defaultValue = "900",
      description = "Give up on a run's warm-up, or on playing out its games, after S seconds each (default 900).")
  long budgetSeconds;

  @Mixin
  OutputOptions output;

  @Override
  public void run() {
    ScratchBenchmark.run("vz-bench-scale", work -> ScaleBenchmark.run(new ScaleBenchmark.Options(work, gpus,
        batchPerGpu, workers, batchesInFlight, windowSeconds, trainStepSeconds, Optional.ofNullable(timeScale),
        wallTurnsPerSecond, Duration.ofSeconds(budgetSeconds), Optional.ofNullable(settings)), output::progress),
        this::report);
  }

  private void report(ScaleBenchmark.Result result) {
    output.print(result.toJson(), () -> table(result));
    if (!result.complete()) {
      throw new IllegalStateException("the pipeline lost or repeated work (see the read-back figures)");
    }
  }

  private static String table(ScaleBenchmark.Result result) {
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
        "%6s %6s %6s %8s %8s %10s %9s %9s %7s %9s %6s %6s %s%n", "GPUs", "scale", "util", "in batch", "between",
        "turns/s", "traj/s", "sync t/s", "ratio", "sync util", "stale", "cores", "read back"));
    for (ScaleBenchmark.Run run : result.runs()) {
      text.append(String.format(Locale.ROOT, "%6d %6.0f %6.3f %8.3f %8.3f %10.1f %9.2f %9.2f %7.2f %9.3f %6.2f %6.2f "
              + "%d/%d answered, %d twice, %d retried, %d games lost%n", run.gpus(), run.timeScale(),
          run.utilisation(), run.inBatchShare() - run.utilisation(), 1 - run.inBatchShare(), run.turnsPerSecond(), run.trajectoriesPerSecond(), run.sync().trajectoriesPerSecond(),
          run.trajectoriesPerSecond() / run.sync().trajectoriesPerSecond(), run.sync().utilisation(),
          run.meanStaleness(), run.cpuCoresUsed(), run.readBack().turnsAnswered(), run.readBack().turnsRequested(),
          run.readBack().duplicateTurns(), run.readBack().turnsRetried(), run.readBack().gamesLost()));
    }
    text.append("rates per simulated second; wall = simulated x scale; GPU idle: 'in batch' in the worker's batch "
        + "with no turn of it or done before its slowest GPU, 'between' the worker between batches");
    return text.toString();
  }
}
