package org.visionzero.ops.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.OptionalInt;
import org.visionzero.ops.config.KafkaClientConfig;
import org.visionzero.ops.eval.AgainstBase;
import org.visionzero.ops.eval.Evaluator;
import org.visionzero.ops.eval.EvaluatorSettings;
import org.visionzero.ops.eval.VersionResult;
import picocli.CommandLine.Option;

/**
 * {@code vz eval --against v0}: one evaluation of a version against v0 on a running pipeline, every arm (decision
 * skill with its no-image control, clue skill under a fixed referee, the paper's measure), with 95 % intervals.
 */
public final class EvalAgainstCommand extends ClusterCommand {

  private static final String BASE = "v0";

  @Option(names = "--against", paramLabel = "v0", defaultValue = BASE,
      description = "The version to measure against; only v0 is supported.")
  String against;
  @Option(names = "--games", paramLabel = "N", defaultValue = "500", description = "Games per arm (default 500).")
  int games;
  @Option(names = "--version", paramLabel = "V", description = "Version to evaluate (default: the newest).")
  Integer version;
  @Option(names = "--referee", paramLabel = "V", description = "Fixed referee version (default: the evaluated one).")
  Integer referee;
  @Option(names = "--policy", paramLabel = "NAME", defaultValue = "vz", description = "Policy name (default vz).")
  String policy;
  @Option(names = "--budget-s", paramLabel = "S", defaultValue = "1800",
      description = "Longest wait for the games, seconds (default 1800).")
  long budgetSeconds;

  @Option(names = "--continuous", description = "Run the evaluator of vz run as a process until Ctrl-C: a few "
      + "games per arm (--games) of every new version of --policy, tagged with --run-id (vz chaos starts it so).")
  boolean continuous;
  @Option(names = "--run-id", paramLabel = "ID", defaultValue = "run-1",
      description = "With --continuous: the run whose versions are evaluated (default run-1).")
  String runId;

  @Override
  void run(KafkaClientConfig settings) throws InterruptedException {
    if (continuous) {
      runContinuously(settings);
      return;
    }
    if (!BASE.equals(against.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException("--against " + against + ": only v0 is supported");
    }
    VersionResult result = AgainstBase.evaluate(settings.clientProperties().asMap(), settings.topicCatalog(),
        "eval-" + System.currentTimeMillis(), policy,
        version == null ? OptionalInt.empty() : OptionalInt.of(version),
        referee == null ? OptionalInt.empty() : OptionalInt.of(referee), games, Duration.ofSeconds(budgetSeconds));
    output.print(result.toJson(), () -> String.format(Locale.ROOT,
        "v%d against v0 (%d games): decision accuracy %.3f (no-image %.3f), N/A %.3f, win rate with referee v%d "
            + "%.3f [%.3f, %.3f], clue fidelity %.3f, paper-style win rate %.3f", result.version(), result.games(),
        result.decisionAccuracy().rate(), result.noImageAccuracy().rate(), result.naRate().rate(),
        result.refereeVersion(), result.clueWinRate().rate(), result.clueWinRate().low(),
        result.clueWinRate().high(), result.clueFidelity().value(), result.paperWinRate().rate()));
  }

  /** The evaluator of {@code vz run}, alone; restarted, it reads its topics again from the beginning. */
  private void runContinuously(KafkaClientConfig settings) {
    Foreground.startAndRunUntilStopped(() -> Evaluator.start(EvaluatorSettings.defaults(runId, policy)
        .withGamesPerArm(games), settings.clientProperties().asMap(), settings.topicCatalog(), true),
        evaluator -> output.progress("Evaluator of run '" + runId + "' running (" + games + " games per arm of each "
            + "new version of '" + policy + "'); Ctrl-C to stop."),
        evaluator -> output.progress("Evaluator stopped."));
  }
}
