package org.visionzero.ops.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.visionzero.blob.BlobStore;
import org.visionzero.events.BlobRef;
import org.visionzero.events.CheckpointPublished;
import org.visionzero.events.PolicyRef;
import org.visionzero.ops.eval.TopicTail;
import org.visionzero.sign.CheckpointSignature;
import org.visionzero.topics.Topic;
import org.visionzero.topics.TopicCatalog;

/**
 * Makes sure v0 of the run's policy is published: when {@code vz.checkpoints} has no version 0, makes it
 * (pretraining a model if the runtime needs to), stores it in the blob store and publishes
 * {@code CheckpointPublished} v0, so workers and the coordinator see version 0. A second run finds it and
 * skips all of that.
 */
public final class V0Bootstrap {

  /** Run id written on v0: not the trainer's run, so a trainer never tries to resume from it. */
  public static final String V0_RUN_ID = "v0";
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration POLL = Duration.ofMillis(200);

  private V0Bootstrap() {
  }

  /** The v0 event in effect: found on the topic or newly published. Also leaves its bytes in {@code v0File}. */
  public static CheckpointPublished ensure(PolicyRuntime runtime, Map<String, Object> clientProperties,
      TopicCatalog topics, BlobStore blobs, Path workDir, Path v0File, Consumer<String> progress) throws Exception {
    Optional<CheckpointPublished> existing = find(runtime.policyName(), clientProperties, topics);
    if (existing.isPresent()) {
      if (!Files.isRegularFile(v0File)) {
        Files.createDirectories(v0File.toAbsolutePath().getParent());
        Files.write(v0File, blobs.get(existing.get().getCheckpoint()));
      }
      progress.accept("v0 of '" + runtime.policyName() + "' already published; not pretraining again");
      return existing.get();
    }
    PolicyRuntime.V0 v0 = runtime.createV0(workDir, progress);
    Files.createDirectories(v0File.toAbsolutePath().getParent());
    Files.write(v0File, v0.bytes());
    BlobRef ref = blobs.put(v0.bytes(), v0.mediaType());
    CheckpointPublished event = CheckpointPublished.newBuilder()
        .setEventId("checkpoint/" + runtime.policyName() + "/0")
        .setOccurredAt(Instant.now())
        .setPolicy(new PolicyRef(runtime.policyName(), 0))
        .setCheckpoint(ref)
        .setTrainerStep(0)
        .setParentVersion(-1)
        .setArchitecture(v0.architecture())
        .setRunId(V0_RUN_ID)
        .setHistory(Map.of())
        .build();
    Map<String, Object> props = new java.util.HashMap<>(clientProperties);
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    Topic<String, CheckpointPublished> topic = topics.checkpoints();
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
        new ByteArraySerializer())) {
      // Signed like the trainer's checkpoints, so that workers which check signatures accept v0 too.
      producer.send(CheckpointSignature.fromEnvironment(System.getenv()).signed(new ProducerRecord<>(topic.name(),
          topic.keySerde().serializer().serialize(topic.name(), runtime.policyName()),
          topic.valueSerde().serializer().serialize(topic.name(), event)))).get();
    }
    progress.accept("published v0 of '" + runtime.policyName() + "' (" + v0.description() + ")");
    return event;
  }

  /** Version 0 of the policy on the checkpoint topic, if any (reads the topic to its end). */
  static Optional<CheckpointPublished> find(String policyName, Map<String, Object> clientProperties,
      TopicCatalog topics) {
    try (TopicTail<CheckpointPublished> tail = new TopicTail<>(clientProperties, topics.checkpoints(),
        "vz-run-v0-lookup")) {
      CheckpointPublished found = null;
      Instant until = Instant.now().plus(READ_TIMEOUT);
      do {
        for (CheckpointPublished event : tail.poll(POLL)) {
          if (event.getPolicy().getName().equals(policyName) && event.getPolicy().getVersion() == 0) {
            found = event;
          }
        }
      } while (tail.lag() > 0 && Instant.now().isBefore(until));
      return Optional.ofNullable(found);
    }
  }
}
