package org.visionzero.ops.cli;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.visionzero.events.PolicyRef;
import org.visionzero.ops.eval.RemoteDecisionEvaluation;
import org.visionzero.ops.run.SceneCaptionSource;
import org.visionzero.ops.run.ShippedV0;
import org.visionzero.policy.Policy;
import org.visionzero.policy.Vocabulary;
import org.visionzero.policy.checkpoint.Checkpoints;
import org.visionzero.policy.remote.ChatClient;
import org.visionzero.policy.remote.RemotePolicy;
import org.visionzero.policy.remote.RemoteSettings;
import org.visionzero.producers.publish.ProduceOptions;
import org.visionzero.workers.device.WorkerDevice;
import org.visionzero.workers.policy.ModelPolicyFactory;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.Consumer;
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

  @Option(names = "--policy-url", paramLabel = "URL",
      description = "Evaluate the model of an OpenAI-compatible server (e.g. http://127.0.0.1:8000/v1) in the decision "
          + "seat against --checkpoint in the other seats, in this process (no cluster needed, the run untouched).")
  URI policyUrl;
  @Option(names = "--policy-model", paramLabel = "NAME", defaultValue = "vz",
      description = "With --policy-url: the model to ask for (default vz).")
  String policyModel;
  @Option(names = "--checkpoint", paramLabel = "FILE",
      description = "With --policy-url: the checkpoint playing the clue seats (default: the v0 shipped with vz).")
  Path checkpoint;
  @Option(names = "--api-key-env", paramLabel = "VAR", defaultValue = "OPENAI_API_KEY",
      description = "With --policy-url: environment variable holding the API key (default OPENAI_API_KEY).")
  String apiKeyEnv;
  @Option(names = "--max-tokens", paramLabel = "N", defaultValue = "512",
      description = "With --policy-url: max_tokens of each request (default 512).")
  int maxTokens;

  @Override
  public void run() {
    if (policyUrl == null) {
      evaluation.run();
      return;
    }
    RemoteSettings settings = RemoteSettings.defaults(policyUrl, System.getenv(apiKeyEnv))
        .withModelTemplate(policyModel).withMaxTokens(maxTokens);
    try {
      byte[] bytes = checkpoint == null ? ShippedV0.bytes() : Files.readAllBytes(checkpoint);
      int version = Checkpoints.decode(bytes, Checkpoints.sha256(bytes)).policyVersion();
      try (Policy local = ModelPolicyFactory.standard().load(new PolicyRef("vz", version), bytes, WorkerDevice.CPU)) {
        Policy remote = new RemotePolicy(new ChatClient(settings), settings, new PolicyRef(policyModel, 0),
            Vocabulary.standard());
        RemoteDecisionEvaluation.Result result = RemoteDecisionEvaluation.run(local, remote, policyModel,
            new SceneCaptionSource(ProduceOptions.DEFAULT_SIZE), FRESH_SEEDS, evaluation.games);
        evaluation.output.printJson(result.toJson(), result::toJson);
      }
    } catch (Exception e) {
      throw new IllegalStateException("remote evaluation failed: " + e.getMessage(), e);
    }
  }

  /** Scenes from these seeds on: far beyond what a run's producer reaches, so never trained on. */
  static final long FRESH_SEEDS = 1_000_000_000_000L;

  /** {@code vz eval leaderboard}: outcomes of evaluation games by (civilian version, spy version). */
  @Command(name = "leaderboard", mixinStandardHelpOptions = true,
      description = "Outcomes of every evaluation game so far, by (civilian-side version, spy version).")
  static final class Leaderboard extends ClusterCommand {
    @Option(names = "--timeout-s", paramLabel = "S", defaultValue = "30",
        description = "Give up reading after S seconds (default 30).")
    long timeoutSeconds;

    @Override
    void run(KafkaClientConfig settings) throws TimeoutException {
      try (Consumer<String, byte[]> consumer = LogReaders.open(settings)) {
        LeaderboardSnapshot.Result result = LeaderboardSnapshot.read(consumer,
            settings.topicCatalog().trajectories(), Duration.ofSeconds(timeoutSeconds));
        output.printJson(result.toJson(), () -> result.rows().isEmpty()
            ? "No evaluation games yet."
            : String.join("\n", result.rows().stream().map(Object::toString).toList()));
      }
    }
  }
}
