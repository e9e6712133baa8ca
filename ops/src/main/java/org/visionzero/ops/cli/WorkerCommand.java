package org.visionzero.ops.cli;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Optional;
import org.visionzero.ops.cli.options.BlobStoreOptions;
import org.visionzero.ops.cli.options.ClientPassthrough;
import org.visionzero.ops.cli.options.ClusterOptions;
import org.visionzero.ops.cli.options.ConfigKey;
import org.visionzero.ops.cli.options.MetricsOptions;
import org.visionzero.ops.cli.options.OutputOptions;
import org.visionzero.ops.metrics.MetricsEndpoint;
import org.visionzero.workers.WorkerApp;
import org.visionzero.workers.WorkerConfig;
import org.visionzero.workers.WorkerMain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vz worker}: a worker (consumer group {@code vz-workers}) as its own process. */
@Command(name = "worker", mixinStandardHelpOptions = true,
    description = {"Run a worker that plays turns until Ctrl-C.",
        "Joins the consumer group on the turn requests, answers micro-batches in Kafka transactions, and "
            + "hot-reloads published checkpoints; start several to share the partitions."})
public final class WorkerCommand implements Runnable {

  @ConfigKey(WorkerConfig.WORKER_ID)
  @Option(names = "--worker-id", paramLabel = "ID", description = "Unique id of this worker (transactional id).")
  String workerId;
  @ConfigKey(WorkerConfig.BATCH_MAX_SIZE)
  @Option(names = "--batch-size", paramLabel = "B", description = "Most turns per micro-batch (default 32).")
  String batchSize;
  @ConfigKey(WorkerConfig.BATCH_MAX_WAIT_MS)
  @Option(names = "--batch-wait-ms", paramLabel = "T", description = "Longest wait to fill a batch (default 20).")
  String batchWaitMs;
  @ConfigKey(WorkerConfig.DEVICE)
  @Option(names = "--device", paramLabel = "auto|cpu|gpu", description = "Where the model runs (default auto).")
  String device;

  @Mixin
  ClusterOptions cluster;
  @Mixin
  BlobStoreOptions blobs;
  @Mixin
  MetricsOptions metrics;
  @Mixin
  OutputOptions output;

  @Override
  public void run() {
    WorkerConfig settings = cluster.load(WorkerConfig.definition(),
        ClientPassthrough.into(WorkerConfig.CLIENT_PREFIX, WorkerConfig::new), this,
        blobs.setting(WorkerConfig.BLOB_STORE_DIR));
    Optional<MetricsEndpoint> endpoint = metrics.startEndpoint();
    MeterRegistry registry = endpoint.<MeterRegistry>map(MetricsEndpoint::registry).orElseGet(SimpleMeterRegistry::new);
    Foreground.startAndRunUntilStopped(() -> startWorkers(settings, registry, endpoint),
        app -> output.progress("Worker(s) " + app.workerIds() + " running"
            + endpoint.map(e -> "; metrics at " + e.url()).orElse("") + "; Ctrl-C to stop."),
        app -> {
          endpoint.ifPresent(MetricsEndpoint::close);
          output.progress("Worker stopped after finishing its batch.");
        });
  }

  private static WorkerApp startWorkers(WorkerConfig settings, MeterRegistry registry,
      Optional<MetricsEndpoint> endpoint) {
    try {
      return WorkerApp.start(settings, WorkerMain.defaultPolicies(), registry);
    } catch (InterruptedException e) {
      endpoint.ifPresent(MetricsEndpoint::close);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the worker", e);
    }
  }
}
