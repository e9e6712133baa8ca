package org.visionzero.ops.cli;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.visionzero.events.CheckpointPublished;
import org.visionzero.ops.checkpoint.ExternalVersion;
import org.visionzero.ops.checkpoint.ExternalVersionPublisher;
import org.visionzero.ops.cli.options.BlobStoreOptions;
import org.visionzero.ops.cli.options.ClusterOptions;
import org.visionzero.ops.cli.options.OutputOptions;
import org.visionzero.ops.config.KafkaClientConfig;
import org.visionzero.sign.CheckpointSignature;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vz checkpoint publish-remote}: announce a policy version whose weights an outside trainer put in a server. */
@Command(name = "checkpoint", mixinStandardHelpOptions = true,
    description = "Announce policy versions on the checkpoint topic.",
    subcommands = {CheckpointCommand.PublishRemote.class})
public final class CheckpointCommand implements Runnable {

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "publish-remote",
      description = {"Publish version N of a policy that an OpenAI-compatible server plays as model NAME.",
          "For a trainer outside vz (TRL, verl, OpenRLHF): after loading its new weights into the server under NAME "
              + "(vLLM: a LoRA adapter), it calls this; workers on the openai backend then ask for NAME on every "
              + "turn of version N and stamp N on the answers. Signed when VZ_CHECKPOINT_KEY is set."})
  static final class PublishRemote implements Runnable {
    // Declared here, not by mixinStandardHelpOptions: its --version would clash with the version option below.
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;
    @Option(names = "--policy", paramLabel = "NAME", required = true,
        description = "The policy name (a name in the workers' policy.openai.policies).")
    String policy;
    @Option(names = "--version", paramLabel = "N", required = true,
        description = "The new version: above the policy's latest announced one.")
    int version;
    @Option(names = "--model", paramLabel = "MODEL", required = true,
        description = "The model or adapter name the server answers for this version (no whitespace).")
    String model;
    @Option(names = "--parent-version", paramLabel = "N",
        description = "The version it was trained from (default: the latest announced one).")
    Integer parentVersion;
    @Option(names = "--trainer-step", paramLabel = "N", defaultValue = "0",
        description = "The outside trainer's optimizer step (default 0).")
    long trainerStep;
    @Option(names = "--run-id", paramLabel = "ID", defaultValue = ExternalVersion.DEFAULT_RUN_ID,
        description = "The outside training run (default '" + ExternalVersion.DEFAULT_RUN_ID + "').")
    String runId;

    @Mixin
    ClusterOptions cluster;
    @Mixin
    BlobStoreOptions blobs;
    @Mixin
    OutputOptions output;

    @Override
    public void run() {
      KafkaClientConfig settings = cluster.load();
      CheckpointSignature signature = CheckpointSignature.fromEnvironment(System.getenv());
      ExternalVersionPublisher publisher = new ExternalVersionPublisher(settings.clientProperties().asMap(),
          settings.topicCatalog(), blobs.open(), signature, Clock.systemUTC());
      CheckpointPublished event;
      try {
        event = publisher.publish(new ExternalVersionPublisher.Request(policy, version, model,
            Optional.ofNullable(parentVersion), trainerStep, runId));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while publishing", e);
      } catch (IllegalArgumentException e) {
        throw e; // says what to change: shown as it is
      } catch (Exception e) {
        throw new IllegalStateException("could not publish " + policy + "@" + version + ": " + e.getMessage(), e);
      }
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("policy", policy);
      result.put("version", version);
      result.put("model", model);
      result.put("parentVersion", event.getParentVersion());
      result.put("checkpoint", event.getCheckpoint().getUri());
      result.put("topic", settings.topicCatalog().checkpoints().name());
      result.put("signed", signature.enabled());
      output.print(result, () -> "Published " + policy + "@" + version + " (model '" + model + "', parent v"
          + event.getParentVersion() + ") on " + settings.topicCatalog().checkpoints().name()
          + (signature.enabled() ? ", signed" : ", unsigned (" + CheckpointSignature.KEY_VARIABLE + " not set)") + ".");
    }
  }
}
