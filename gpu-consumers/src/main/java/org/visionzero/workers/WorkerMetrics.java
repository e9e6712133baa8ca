package org.visionzero.workers;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.IntSupplier;
import org.visionzero.events.TurnKind;

/**
 * The worker's meters. Names are lower-case and dot-separated; every meter carries the worker id and device.
 * Turns per second is the rate of {@code vz.worker.turns}.
 */
public final class WorkerMetrics {
  public static final String TURNS = "vz.worker.turns";
  public static final String DEAD_LETTERS = "vz.worker.dead.letters";
  public static final String BATCH_SIZE = "vz.worker.batch.size";
  public static final String INFERENCE = "vz.worker.inference";
  public static final String QUEUE_WAIT = "vz.worker.queue.wait";
  public static final String TRANSACTION = "vz.worker.transaction";
  public static final String ABORTED_BATCHES = "vz.worker.batches.aborted";
  public static final String LOADED_VERSIONS = "vz.worker.policy.versions.loaded";
  public static final String RELOAD = "vz.worker.checkpoint.reload";
  public static final String REFUSED_CHECKPOINTS = "vz.worker.checkpoints.refused";

  private final MeterRegistry registry;
  private final Tags tags;
  private final DistributionSummary batchSize;
  private final Timer queueWait;
  private final Timer transaction;
  private final Timer reload;
  private final Counter refused;
  private final Counter aborted;

  public WorkerMetrics(MeterRegistry registry, String workerId, String device) {
    this.registry = registry;
    this.tags = Tags.of("worker", workerId, "device", device);
    this.batchSize = DistributionSummary.builder(BATCH_SIZE).description("Turn requests per micro-batch")
        .tags(tags).register(registry);
    this.queueWait = Timer.builder(QUEUE_WAIT).description("From a request's write to the start of its batch")
        .tags(tags).register(registry);
    this.transaction = Timer.builder(TRANSACTION).description("Sending answers and committing one batch")
        .tags(tags).register(registry);
    this.reload = Timer.builder(RELOAD)
        .description("From reading CheckpointPublished to serving the new version").tags(tags).register(registry);
    this.refused = Counter.builder(REFUSED_CHECKPOINTS).description("Checkpoints refused (tampered, unloadable)")
        .tags(tags).register(registry);
    this.aborted = Counter.builder(ABORTED_BATCHES).description("Batches whose transaction was aborted")
        .tags(tags).register(registry);
  }

  /** Gauge of the policy versions held; the supplier must be safe to call from any thread. */
  public void bindLoadedVersions(IntSupplier loaded) {
    Gauge.builder(LOADED_VERSIONS, loaded::getAsInt).description("Policy versions held in memory")
        .tags(tags).register(registry);
  }

  public void turnAnswered(TurnKind kind, String policy) {
    Counter.builder(TURNS).tags(tags).tag("kind", kind.name()).tag("policy", policy).register(registry).increment();
  }

  public void deadLettered(String reason) {
    Counter.builder(DEAD_LETTERS).tags(tags).tag("reason", reason).register(registry).increment();
  }

  public void batch(int size) {
    batchSize.record(size);
  }

  public void inference(TurnKind kind, Duration elapsed) {
    Timer.builder(INFERENCE).description("One batched policy call").tags(tags).tag("kind", kind.name())
        .register(registry).record(elapsed);
  }

  public void queueWait(Duration waited) {
    queueWait.record(waited.isNegative() ? Duration.ZERO : waited);
  }

  public void transaction(Duration elapsed) {
    transaction.record(elapsed);
  }

  public void reload(Duration elapsed) {
    reload.record(elapsed.isNegative() ? Duration.ZERO : elapsed);
  }

  public void refusedCheckpoint() {
    refused.increment();
  }

  public void abortedBatch() {
    aborted.increment();
  }
}
