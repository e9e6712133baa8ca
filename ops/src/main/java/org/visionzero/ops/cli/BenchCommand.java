package org.visionzero.ops.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.visionzero.hash.Sha256;
import org.visionzero.ops.bench.HttpHopBenchmark;
import org.visionzero.ops.broker.BrokerSettings;
import org.visionzero.ops.broker.EmbeddedKafkaBroker;
import org.visionzero.ops.cli.options.OutputOptions;
import org.visionzero.ops.files.ScratchDir;
import org.visionzero.ops.run.SceneCaptionSource;
import org.visionzero.policy.Vocabulary;
import org.visionzero.policy.bench.PolicyBenchmark;
import org.visionzero.policy.checkpoint.Checkpoints;
import org.visionzero.policy.model.ModelConfig;
import org.visionzero.policy.model.VzModel;
import org.visionzero.policy.runtime.Devices;
import org.visionzero.producers.bench.BenchmarkResult;
import org.visionzero.producers.bench.ProducerBenchmark;
import org.visionzero.producers.publish.ProduceOptions;
import org.visionzero.workers.WorkerMain;
import org.visionzero.workers.bench.WorkerBenchmark;
import org.visionzero.workers.bench.WorkerBenchmarkResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vz bench …}: benchmarks that report ratios against a baseline run in the same process. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Benchmarks: producers, policy, worker, pipeline, learning, scale",
    subcommands = {BenchCommand.Producers.class, BenchCommand.Policy.class, BenchCommand.Worker.class,
        PipelineBenchCommand.class, LearningBenchCommand.class, ScaleBenchCommand.class})
public final class BenchCommand extends CommandGroup {

  /** {@code vz bench producers}: pairs per second for each source. */
  @Command(name = "producers", mixinStandardHelpOptions = true,
      description = "Pairs per second of each source (generation, PNG encoding and blob writes).")
  static final class Producers implements Runnable {
    @Option(names = "--pairs", paramLabel = "N", defaultValue = "300", description = "Pairs per source (default 300).")
    int pairs;
    @Option(names = "--size", paramLabel = "PX", defaultValue = "128", description = "Image size (default 128).")
    int size;

    @Mixin
    OutputOptions output;

    @Override
    public void run() {
      try {
        BenchmarkResult result;
        try (ScratchDir work = ScratchDir.create("vz-bench-producers")) {
          result = ProducerBenchmark.run(new ProducerBenchmark.Options(pairs, size, size, work.path()));
        }
        output.printJson(result.toJson(), () -> String.join("\n",
            result.sources().stream().map(Object::toString).toList()));
      } catch (IOException e) {
        throw new UncheckedIOException("benchmark failed: " + e.getMessage(), e);
      }
    }
  }

  /** {@code vz bench policy}: clue and decision turns per second by batch size, and one training step. */
  @Command(name = "policy", mixinStandardHelpOptions = true,
      description = "Model clue/decision turns/s at batch 1, 8, 32 and one training step.")
  static final class Policy implements Runnable {
    @Option(names = "--checkpoint", paramLabel = "FILE",
        description = "Checkpoint to measure (default: a freshly initialised model of the same architecture).")
    Path checkpoint;
    @Option(names = "--device", paramLabel = "auto|cpu|gpu", defaultValue = "auto", description = "Device.")
    String device;

    @Mixin
    OutputOptions output;

    @Override
    public void run() {
      ai.djl.Device chosen = Devices.choose(device);
      try (VzModel model = checkpoint == null
          ? VzModel.create(ModelConfig.standard(Vocabulary.standard().size()), Vocabulary.standard(), 1L, chosen)
          : load(checkpoint, chosen)) {
        PolicyBenchmark.Result result = PolicyBenchmark.run(model, new SceneCaptionSource(
            ProduceOptions.DEFAULT_SIZE), PolicyBenchmark.Options.defaults());
        output.printJson(result.toJson(), result::toJson);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read checkpoint " + checkpoint + ": " + e.getMessage(), e);
      }
    }

    /** A local file is trusted as it is: its own hash is the expected one (a blob ref would carry it). */
    private static VzModel load(Path file, ai.djl.Device device) throws IOException {
      byte[] bytes = Files.readAllBytes(file);
      return Checkpoints.load(bytes, Sha256.hex(bytes), device);
    }
  }

  /** {@code vz bench worker}: turns per second at several batch sizes and checkpoint-swap latency. */
  @Command(name = "worker", mixinStandardHelpOptions = true,
      description = {"Worker turns/s (scripted and model) by batch size, and checkpoint swap time.",
          "--backend openai: the model's batch call in the JVM vs behind vz serve on loopback (the HTTP hop)."})
  static final class Worker implements Runnable {
    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
        description = "Cluster to use; default: an embedded broker in a temporary directory.")
    String bootstrapServers;
    @Option(names = "--backend", paramLabel = "in-jvm|openai", defaultValue = "in-jvm",
        description = "in-jvm: the Kafka worker bench; openai: the cost of the HTTP hop at B = 1, 8, 32.")
    String backend;
    @Option(names = "--batches", paramLabel = "N", defaultValue = "100",
        description = "With --backend openai: batches per size and path (default 100).")
    int batches;

    @Mixin
    OutputOptions output;

    @Override
    public void run() {
      if ("openai".equals(backend)) {
        runHttpHop();
        return;
      }
      if (!"in-jvm".equals(backend)) {
        throw new IllegalArgumentException("--backend " + backend + ": use in-jvm or openai");
      }
      try {
        try (ScratchDir scratch = ScratchDir.create("vz-bench-worker");
            EmbeddedKafkaBroker broker = bootstrapServers == null
                ? EmbeddedKafkaBroker.start(BrokerSettings.of(scratch.path().resolve("kafka"),
                    BrokerSettings.PICK_FREE_PORT))
                : null) {
          Path work = scratch.path();
          String bootstrap = broker == null ? bootstrapServers : broker.bootstrapServers();
          WorkerBenchmarkResult result = new WorkerBenchmark(
              WorkerBenchmark.Settings.defaults(bootstrap, work.resolve("blobs")), WorkerMain.defaultPolicies()).run();
          output.printJson(result.toJson(), result::toJson);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }

    private void runHttpHop() {
      try (ScratchDir scratch = ScratchDir.create("vz-bench-hop")) {
        List<HttpHopBenchmark.Row> rows = HttpHopBenchmark.run(org.visionzero.ops.run.ShippedV0.bytes(),
            List.of(1, 8, 32), batches, scratch.path());
        String json = HttpHopBenchmark.toJson(rows, batches);
        output.printJson(json, () -> json);
      } catch (Exception e) {
        throw new IllegalStateException("HTTP hop bench failed: " + e.getMessage(), e);
      }
    }
  }
}
