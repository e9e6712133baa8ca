package org.visionzero.ops.cli;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.Consumer;
import org.visionzero.ops.cli.options.ClusterOptions;
import org.visionzero.ops.cli.options.OutputOptions;
import org.visionzero.ops.config.KafkaClientConfig;
import org.visionzero.streams.leaderboard.LeaderboardSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vz eval}: evaluation results. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = {"Evaluate a version against v0; eval leaderboard.",
        "Plays evaluation games through vz.game-requests (the pipeline must be running): decision accuracy beside "
            + "a no-image control, N/A rate, win rate against v0 under a fixed referee, clue fidelity, and the "
            + "paper-style win rate, with 95 %% intervals."},
    subcommands = {EvalCommand.Leaderboard.class})
public final class EvalCommand implements Runnable {

  @Mixin
  EvalAgainstCommand evaluation;

  // Declared here because the mixin's options replace the standard help options of this command.
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Override
  public void run() {
    evaluation.run();
  }

  /** {@code vz eval leaderboard}: outcomes of evaluation games by (civilian version, spy version). */
  @Command(name = "leaderboard", mixinStandardHelpOptions = true,
      description = "Outcomes of every evaluation game so far, by (civilian-side version, spy version).")
  static final class Leaderboard implements Runnable {
    @Option(names = "--timeout-s", paramLabel = "S", defaultValue = "30",
        description = "Give up reading after S seconds (default 30).")
    long timeoutSeconds;

    @Mixin
    ClusterOptions cluster;
    @Mixin
    OutputOptions output;

    @Override
    public void run() {
      KafkaClientConfig settings = cluster.load();
      try (Consumer<String, byte[]> consumer = LogReaders.open(settings)) {
        LeaderboardSnapshot.Result result = LeaderboardSnapshot.read(consumer,
            settings.topicCatalog().trajectories(), Duration.ofSeconds(timeoutSeconds));
        output.printJson(result.toJson(), () -> result.rows().isEmpty()
            ? "No evaluation games yet."
            : String.join("\n", result.rows().stream().map(Object::toString).toList()));
      } catch (TimeoutException e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
    }
  }
}
