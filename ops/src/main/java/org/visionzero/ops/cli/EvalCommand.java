package org.visionzero.ops.cli;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.visionzero.events.PolicyRef;
import org.visionzero.ops.eval.RemoteClueEvaluation;
import org.visionzero.ops.eval.RemoteDecisionEvaluation;
import org.visionzero.ops.eval.RemoteSeat;
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
      description = "Evaluate the model of an OpenAI-compatible server (e.g. http://127.0.0.1:8000/v1) in one seat "
          + "(--seat) against --checkpoint in the other seats, in this process (no cluster needed, the run untouched).")
  URI policyUrl;
  @Option(names = "--seat", paramLabel = RemoteSeat.CHOICES, defaultValue = "decision",
      description = "With --policy-url: the remote model's seat: the observer's decision, the spy's clues, or every "
          + "civilian's clues (default decision). In a clue seat, --referee-checkpoint decides; the figures are win "
          + "rates.")
  String seat;
  @Option(names = "--referee-checkpoint", paramLabel = "FILE",
      description = "With --seat spy|civilians: the checkpoint that decides every game, the fixed referee (default: "
          + "--checkpoint).")
  Path refereeCheckpoint;
  @Option(names = "--policy-model", paramLabel = "NAME", defaultValue = "vz",
      description = "With --policy-url: the model to ask for (default vz).")
  String policyModel;
  @Option(names = "--checkpoint", paramLabel = "FILE",
      description = "With --policy-url: the checkpoint playing the other seats (default: the v0 shipped with vz).")
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
    RemoteSeat remoteSeat = RemoteSeat.fromWireName(seat);
    if (remoteSeat == RemoteSeat.DECISION && refereeCheckpoint != null) {
      throw new IllegalArgumentException(
          "--referee-checkpoint decides the clue seats' games: use it with --seat spy|civilians");
    }
    RemoteSettings settings = RemoteSettings.defaults(policyUrl, System.getenv(apiKeyEnv))
        .withModelTemplate(policyModel).withMaxTokens(maxTokens);
    try (Policy local = load(checkpoint);
        Policy fixedReferee = refereeCheckpoint == null ? null : load(refereeCheckpoint)) {
      Policy remote = new RemotePolicy(new ChatClient(settings), settings, new PolicyRef(policyModel, 0),
          Vocabulary.standard());
      SceneCaptionSource scenes = new SceneCaptionSource(ProduceOptions.DEFAULT_SIZE);
      String json = remoteSeat == RemoteSeat.DECISION
          ? RemoteDecisionEvaluation.run(local, remote, policyModel, scenes, FRESH_SEEDS, evaluation.games).toJson()
          : RemoteClueEvaluation.run(local, remote, policyModel, fixedReferee == null ? local : fixedReferee,
              remoteSeat, scenes, FRESH_SEEDS, evaluation.games).toJson();
      evaluation.output.printJson(json, () -> json);
    } catch (Exception e) {
      throw new IllegalStateException("remote evaluation failed: " + e.getMessage(), e);
    }
  }

  /** A checkpoint file of the in-JVM model (null: the v0 shipped with vz). */
  private static Policy load(Path file) throws Exception {
    byte[] bytes = file == null ? ShippedV0.bytes() : Files.readAllBytes(file);
    int version = Checkpoints.decode(bytes, Checkpoints.sha256(bytes)).policyVersion();
    return ModelPolicyFactory.standard().load(new PolicyRef("vz", version), bytes, WorkerDevice.CPU);
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
