package org.visionzero.ops.cli;

import java.nio.file.Path;
import java.time.Duration;
import org.visionzero.ops.chaos.ChaosReport;
import org.visionzero.ops.chaos.ChaosRun;
import org.visionzero.ops.chaos.ChaosSettings;
import org.visionzero.ops.chaos.KillInterval;
import org.visionzero.ops.cli.options.OutputOptions;
import org.visionzero.ops.config.DurationText;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExitCodeGenerator;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vz chaos}: the system as separate processes on a 3-broker cluster, killed at random; the log checked. */
@Command(name = "chaos", mixinStandardHelpOptions = true,
    description = {"Kill the system's processes at random, then check the log.",
        "Starts a 3-broker KRaft cluster on loopback (replication 3, min.insync.replicas 2), the coordinator, the "
            + "scorer, two workers, the trainer, the evaluator and a pair producer, each its own JVM; for --duration "
            + "kills one at random every --kill-every (never two brokers at once) and restarts it; then drains, "
            + "stops them and reads the log back: games lost, turns answered twice, trajectories trained twice, "
            + "re-scoring, checkpoints that fail verification, accuracy at the first kill and at the end. "
            + "Writes DIR/chaos.json; process logs in DIR/logs.",
        "Exit code 0 when every guarantee held, 1 otherwise (the message names what broke)."})
public final class ChaosCommand implements Runnable, IExitCodeGenerator {

  @Option(names = "--duration", paramLabel = "D", defaultValue = "15m",
      description = "How long processes are killed, after the warm-up (default 15m).")
  String duration;
  @Option(names = "--kill-every", paramLabel = "MIN-MAX", defaultValue = "20s-40s",
      description = "Wait between two kills, drawn uniformly (default 20s-40s).")
  String killEvery;
  @Option(names = "--poison", paramLabel = "N", defaultValue = "0",
      description = "Hostile records to write during the run (default 0).")
  int poison;
  @Option(names = "--data-dir", paramLabel = "DIR", required = true,
      description = "New or empty directory for the brokers, blobs, state, logs and chaos.json.")
  Path dataDir;
  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "Seed of the kill schedule and of the pairs (default 1).")
  long seed;
  @Option(names = "--drain", paramLabel = "D", defaultValue = "2m",
      description = "Longest wait after the kills for the games in flight to end (default 2m).")
  String drain;
  @Option(names = "--warm-up", paramLabel = "D", defaultValue = "4m",
      description = "Longest wait for the first completed game before killing (default 4m).")
  String warmUp;
  @Option(names = "--games-in-flight", paramLabel = "N", defaultValue = "32",
      description = "The coordinator's bound on games in flight (default 32).")
  int gamesInFlight;
  @Option(names = "--turn-timeout", paramLabel = "D", defaultValue = "10s",
      description = "The coordinator's turn timeout (default 10s).")
  String turnTimeout;
  @Option(names = "--rate", paramLabel = "PAIRS_PER_S", defaultValue = "4",
      description = "Image pairs produced per second (default 4).")
  double rate;
  @Option(names = "--eval-games", paramLabel = "N", defaultValue = "16",
      description = "Evaluation games per arm of each new version (default 16).")
  int evalGames;

  @Mixin
  OutputOptions output;

  private boolean ok;

  @Override
  public void run() {
    ChaosSettings settings = new ChaosSettings(DurationText.parse("--duration", duration),
        KillInterval.parse(killEvery), poison, dataDir.toAbsolutePath().normalize(), seed,
        DurationText.parse("--warm-up", warmUp), DurationText.parse("--drain", drain), gamesInFlight,
        DurationText.parse("--turn-timeout", turnTimeout), rate, evalGames);
    ChaosReport report;
    try {
      report = new ChaosRun(settings, output::progress).run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("vz chaos interrupted", e);
    } catch (Exception e) {
      throw new IllegalStateException("vz chaos failed: " + e.getMessage(), e);
    }
    ok = report.broken().isEmpty();
    output.printJson(report.toJson(), () -> report.toJson() + "\n" + (ok
        ? "Every guarantee held over " + report.totalKills() + " kills."
        : "Guarantees broken:\n  " + String.join("\n  ", report.broken())));
    if (!ok) {
      output.progress("vz chaos: guarantees broken: " + String.join("; ", report.broken()));
    }
  }

  @Override
  public int getExitCode() {
    return ok ? 0 : 1;
  }
}
