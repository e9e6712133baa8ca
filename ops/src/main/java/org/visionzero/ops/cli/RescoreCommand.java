package org.visionzero.ops.cli;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.visionzero.logtools.rescore.Rescore;
import org.visionzero.logtools.rescore.RescoreFrom;
import org.visionzero.logtools.rescore.RescoreReport;
import org.visionzero.ops.config.KafkaClientConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vz rescore}: re-derive trajectories from the game log and compare them with the recorded ones. */
@Command(name = "rescore", mixinStandardHelpOptions = true,
    description = {"Re-score games from the log; compare with the recorded ones.",
        "Runs the scorer under a fresh application id on scratch copies of the topics (removed afterwards), so "
            + "the running pipeline is not disturbed. Any difference is a bug or a change of rules."})
public final class RescoreCommand extends ClusterCommand {

  @Option(names = "--from", paramLabel = "beginning|TIME|P:OFF,...", defaultValue = "beginning",
      description = "Where to start re-reading the game events: 'beginning' (default), an ISO-8601 time, or "
          + "partition:offset pairs.")
  String from;
  @Option(names = "--timeout-s", paramLabel = "S", defaultValue = "120", description = "Time per stage (120).")
  long timeoutSeconds;

  @Override
  void run(KafkaClientConfig settings) throws TimeoutException, InterruptedException {
    RescoreReport report = Rescore.run(settings.clientProperties().asMap(), settings.topicCatalog(),
        RescoreFrom.parse(from), Duration.ofSeconds(timeoutSeconds));
    output.printJson(report.toJson(), () -> report.passed()
        ? "All " + report.total() + " re-scored games are identical to the recorded trajectories, and every"
            + " recorded trajectory agrees with its own decisions."
        : report.toJson());
  }
}
