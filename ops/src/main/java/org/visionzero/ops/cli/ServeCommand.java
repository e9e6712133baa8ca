package org.visionzero.ops.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.visionzero.ops.cli.options.BlobStoreOptions;
import org.visionzero.ops.cli.options.ClusterOptions;
import org.visionzero.ops.cli.options.OutputOptions;
import org.visionzero.ops.config.KafkaClientConfig;
import org.visionzero.ops.serve.PolicyServer;
import org.visionzero.ops.serve.ServedModels;
import org.visionzero.workers.policy.ModelPolicyFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vz serve}: the in-JVM model behind an OpenAI-compatible HTTP API. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Serve the model over an OpenAI-compatible API until Ctrl-C.",
        "POST /v1/chat/completions (prompts of the vz template, images as data URIs, n, temperature, seed, "
            + "logprobs), GET /v1/models, /health, /metrics. With --follow it plays every version published on "
            + "the checkpoint topic (model '<policy>-v<version>', or '<policy>' for the newest)."})
public final class ServeCommand implements Runnable {

  @Option(names = "--checkpoint", paramLabel = "FILE", required = true, description = "Checkpoint to serve first.")
  Path checkpoint;
  @Option(names = "--port", paramLabel = "N", defaultValue = "8000", description = "Port (default 8000; 0: any).")
  int port;
  @Option(names = "--host", paramLabel = "ADDR", defaultValue = "127.0.0.1",
      description = "Address to listen on (default 127.0.0.1).")
  String host;
  @Option(names = "--follow", description = "Also serve the versions published on the cluster's checkpoint topic.")
  boolean follow;
  @Option(names = "--batch-size", paramLabel = "B", defaultValue = "32", description = "Most requests per model call.")
  int batchSize;
  @Option(names = "--batch-wait-ms", paramLabel = "T", defaultValue = "5",
      description = "Longest wait to fill a model call (default 5).")
  long batchWaitMs;
  @Option(names = "--queue", paramLabel = "N", defaultValue = "1024",
      description = "Requests queued at most; beyond, 503 (default 1024).")
  int queue;
  @Option(names = "--api-key-env", paramLabel = "VAR",
      description = "Environment variable holding the API key clients must send (default: no key).")
  String apiKeyEnv;
  @Option(names = "--max-loaded-versions", paramLabel = "N", defaultValue = "4",
      description = "Versions held at once (default 4).")
  int maxLoaded;
  @Option(names = "--allow-model-loading",
      description = "Accept POST /v1/load_lora_adapter {\"lora_name\": NAME, \"lora_path\": FILE}: serve a checkpoint "
          + "file of this machine as model NAME (what an outside trainer does after a step; off by default).")
  boolean allowModelLoading;

  @Mixin
  ClusterOptions cluster;
  @Mixin
  BlobStoreOptions blobs;
  @Mixin
  OutputOptions output;

  @Override
  public void run() {
    Optional<ServedModels.Following> following = Optional.empty();
    if (follow) {
      KafkaClientConfig settings = cluster.load();
      following = Optional.of(new ServedModels.Following(settings.clientProperties().bootstrapServers(),
          settings.topicCatalog().prefix(), blobs.directory(), settings.clientProperties().asMap()));
    }
    String apiKey = "";
    if (apiKeyEnv != null) {
      apiKey = System.getenv(apiKeyEnv);
      if (apiKey == null || apiKey.isBlank()) {
        throw new IllegalArgumentException("--api-key-env " + apiKeyEnv + ": that environment variable is not set");
      }
    }
    Optional<ServedModels.Following> follows = following;
    String key = apiKey;
    AtomicReference<ServedModels> served = new AtomicReference<>();
    Foreground.startAndRunUntilStopped(() -> {
      served.set(startModels(follows));
      return PolicyServer.start(served.get(), new PolicyServer.Settings(host, port, queue, batchSize,
          Duration.ofMillis(batchWaitMs), Duration.ofSeconds(60), key, allowModelLoading));
    }, server -> output.progress("Serving " + served.get().models() + " at http://" + host + ":" + server.port()
        + "/v1; Ctrl-C to stop."), server -> output.progress("vz serve stopped."));
  }

  private ServedModels startModels(Optional<ServedModels.Following> following) {
    try {
      return ServedModels.start(checkpoint, ModelPolicyFactory.standard(), maxLoaded, following,
          new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    } catch (Exception e) {
      throw new IllegalStateException("cannot serve " + checkpoint + ": " + e.getMessage(), e);
    }
  }
}
