package org.visionzero.ops.scale;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.visionzero.blob.BlobStore;
import org.visionzero.events.BlobRef;
import org.visionzero.events.CheckpointPublished;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.Purpose;
import org.visionzero.events.ScoredClue;
import org.visionzero.events.ScoredDecision;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.ops.eval.TopicTail;
import org.visionzero.topics.TopicCatalog;
import org.visionzero.workers.policy.ScriptedCheckpoint;
import org.visionzero.workers.policy.ScriptedPolicyFactory;

/**
 * A trainer whose step takes a simulated time: it reads {@code vz.trajectories} (committed records only), takes a
 * step on every training trajectory that has arrived as soon as it has one, and after each step publishes the
 * next version (a scripted checkpoint in the blob store and {@code CheckpointPublished}), which the coordinator
 * stamps on new turns and the workers swap in. A trajectory's staleness is the trainer's version when it trains
 * on it minus the oldest version that played one of its turns (as the real trainer's staleness filter counts it;
 * nothing is dropped here).
 */
public final class SimulatedTrainer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SimulatedTrainer.class);
  private static final Duration POLL = Duration.ofMillis(50);
  private static final String RUN_ID = "bench-scale";

  private final Map<String, Object> clients;
  private final TopicCatalog topics;
  private final BlobStore blobs;
  private final String policyName;
  private final long stepWallNanos;
  private final Thread thread;
  private final List<Step> steps = new ArrayList<>();
  private volatile boolean running = true;
  private volatile Throwable failure;
  private volatile int version;

  /** One step: when it ended (System.nanoTime), the trajectories trained and their summed version lag. */
  public record Step(long endedAt, int trajectories, long lagSum) {
  }

  private SimulatedTrainer(Map<String, Object> clients, TopicCatalog topics, BlobStore blobs, String policyName,
      double stepSimulatedSeconds, double timeScale) {
    this.clients = clients;
    this.topics = topics;
    this.blobs = blobs;
    this.policyName = policyName;
    this.stepWallNanos = (long) (stepSimulatedSeconds * timeScale * 1e9);
    this.thread = new Thread(this::loop, "vz-bench-sim-trainer");
  }

  /** Starts training from version 0 of {@code policyName}. */
  public static SimulatedTrainer start(Map<String, Object> clients, TopicCatalog topics, BlobStore blobs, String policyName,
      double stepSimulatedSeconds, double timeScale) {
    SimulatedTrainer trainer = new SimulatedTrainer(clients, topics, blobs, policyName, stepSimulatedSeconds,
        timeScale);
    trainer.thread.start();
    return trainer;
  }

  private void loop() {
    Map<String, Object> props = new HashMap<>(clients);
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    try (TopicTail<ScoredTrajectory> trajectories = new TopicTail<>(clients, topics.trajectories(),
        "vz-bench-sim-trainer");
        KafkaProducer<String, CheckpointPublished> producer = new KafkaProducer<>(props, new StringSerializer(),
            topics.checkpoints().valueSerde().serializer())) {
      List<ScoredTrajectory> pending = new ArrayList<>();
      while (running) {
        for (ScoredTrajectory trajectory : trajectories.poll(POLL)) {
          if (trajectory.getPurpose() == Purpose.TRAINING) {
            pending.add(trajectory);
          }
        }
        if (!pending.isEmpty()) {
          train(pending, producer);
          pending.clear();
        }
      }
    } catch (RuntimeException | InterruptedException e) {
      if (running) {
        failure = e;
        LOG.error("simulated trainer stopped", e);
      }
    }
  }

  private void train(List<ScoredTrajectory> batch, KafkaProducer<String, CheckpointPublished> producer)
      throws InterruptedException {
    long lagSum = 0;
    for (ScoredTrajectory trajectory : batch) {
      lagSum += version - oldestVersion(trajectory);
    }
    TimeUnit.NANOSECONDS.sleep(stepWallNanos);
    publish(version + 1, producer);
    version++;
    synchronized (steps) {
      steps.add(new Step(System.nanoTime(), batch.size(), lagSum));
    }
  }

  private int oldestVersion(ScoredTrajectory trajectory) {
    int oldest = version;
    for (ScoredClue clue : trajectory.getClues()) {
      oldest = Math.min(oldest, versionOf(clue.getPolicy(), oldest));
    }
    for (ScoredDecision decision : trajectory.getDecisions()) {
      oldest = Math.min(oldest, versionOf(decision.getPolicy(), oldest));
    }
    return oldest;
  }

  private int versionOf(PolicyRef ref, int otherwise) {
    return policyName.equals(ref.getName()) ? ref.getVersion() : otherwise;
  }

  private void publish(int next, KafkaProducer<String, CheckpointPublished> producer) {
    BlobRef ref;
    try {
      ref = blobs.put(new ScriptedCheckpoint(policyName, next).toBytes(), ScriptedCheckpoint.MEDIA_TYPE);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot store checkpoint v" + next, e);
    }
    CheckpointPublished event = CheckpointPublished.newBuilder()
        .setEventId("checkpoint/" + policyName + "/" + next)
        .setOccurredAt(Instant.now())
        .setPolicy(new PolicyRef(policyName, next))
        .setCheckpoint(ref)
        .setTrainerStep(next)
        .setParentVersion(next - 1)
        .setArchitecture(ScriptedPolicyFactory.ARCHITECTURE_PREFIX + policyName)
        .setRunId(RUN_ID)
        .setHistory(Map.of())
        .build();
    producer.send(new ProducerRecord<>(topics.checkpoints().name(), policyName, event));
  }

  /** The steps that ended within [from, to] (System.nanoTime values). */
  public List<Step> stepsBetween(long from, long to) {
    synchronized (steps) {
      return steps.stream().filter(s -> s.endedAt() >= from && s.endedAt() <= to).toList();
    }
  }

  public int version() {
    return version;
  }

  public Throwable failure() {
    return failure;
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.interrupt();
    thread.join(TimeUnit.SECONDS.toMillis(30));
  }
}
