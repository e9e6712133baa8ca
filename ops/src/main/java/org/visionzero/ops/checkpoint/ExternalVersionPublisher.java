package org.visionzero.ops.checkpoint;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.visionzero.blob.BlobStore;
import org.visionzero.events.BlobRef;
import org.visionzero.events.CheckpointPublished;
import org.visionzero.ops.eval.TopicTail;
import org.visionzero.policy.remote.RemoteModelCheckpoint;
import org.visionzero.sign.CheckpointSignature;
import org.visionzero.topics.Topic;
import org.visionzero.topics.TopicCatalog;

/**
 * {@code vz checkpoint publish-remote}: announces a version whose weights live in an OpenAI-compatible server under a
 * model name. Stores the name as a checkpoint blob, reads the policy's latest version from the checkpoint topic,
 * and publishes the {@link ExternalVersion} event, signed like every checkpoint when {@code VZ_CHECKPOINT_KEY} is
 * set, so that workers on the openai backend ask for that model from their next batch and stamp the version on
 * every answer.
 */
public final class ExternalVersionPublisher {
  private static final Logger LOG = LoggerFactory.getLogger(ExternalVersionPublisher.class);
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration POLL = Duration.ofMillis(200);

  private final Map<String, Object> clientProperties;
  private final TopicCatalog topics;
  private final BlobStore blobs;
  private final CheckpointSignature signature;
  private final Clock clock;

  public ExternalVersionPublisher(Map<String, Object> clientProperties, TopicCatalog topics, BlobStore blobs,
      CheckpointSignature signature, Clock clock) {
    this.clientProperties = Map.copyOf(clientProperties);
    this.topics = topics;
    this.blobs = blobs;
    this.signature = signature;
    this.clock = clock;
  }

  /** What to announce: the policy's version, the model that plays it, and where it came from. */
  public record Request(String policy, int version, String model, Optional<Integer> parentVersion, long trainerStep,
      String runId) {}

  /** Publishes the version; returns the event as written. */
  public CheckpointPublished publish(Request request) throws IOException, InterruptedException, ExecutionException {
    byte[] bytes = RemoteModelCheckpoint.encode(request.model());
    Optional<CheckpointPublished> latest = latest(request.policy());
    // Checked before anything is stored: a refused version leaves no blob behind.
    ExternalVersion.check(request.policy(), request.version(), latest);
    BlobRef blob = blobs.put(bytes, RemoteModelCheckpoint.MEDIA_TYPE);
    CheckpointPublished event = ExternalVersion.event(request.policy(), request.version(), blob, latest,
        request.parentVersion(), request.trainerStep(), request.runId(), clock.instant());
    Map<String, Object> props = new HashMap<>(clientProperties);
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
        new ByteArraySerializer())) {
      producer.send(record(topics.checkpoints(), event, signature)).get();
    }
    return event;
  }

  /** The record of {@code event} on the checkpoint topic, keyed by policy name, with its MAC when signing is on. */
  static ProducerRecord<byte[], byte[]> record(Topic<String, CheckpointPublished> topic, CheckpointPublished event,
      CheckpointSignature signature) {
    String policy = event.getPolicy().getName();
    return signature.signed(new ProducerRecord<>(topic.name(),
        topic.keySerde().serializer().serialize(topic.name(), policy),
        topic.valueSerde().serializer().serialize(topic.name(), event)));
  }

  /**
   * With signing on, only checkpoint records whose signature checks out: the new version takes its parent and
   * history from the latest one, which must not be a forged event. The others are logged and passed over, as
   * workers and the trainer pass them over.
   */
  static Predicate<ConsumerRecord<byte[], byte[]>> trusted(CheckpointSignature signature) {
    return record -> {
      Optional<String> problem = signature.problem(record);
      problem.ifPresent(why -> LOG.warn("passing over checkpoint record {}-{}@{}: {}", record.topic(),
          record.partition(), record.offset(), why));
      return problem.isEmpty();
    };
  }

  /** The policy's highest version on the checkpoint topic (read to its end, trusted records only), if any. */
  private Optional<CheckpointPublished> latest(String policy) {
    try (TopicTail<CheckpointPublished> tail = new TopicTail<>(clientProperties, topics.checkpoints(),
        "vz-publish-remote")) {
      CheckpointPublished found = null;
      Instant until = clock.instant().plus(READ_TIMEOUT);
      do {
        for (CheckpointPublished event : tail.poll(POLL, trusted(signature))) {
          if (event.getPolicy().getName().equals(policy)
              && (found == null || event.getPolicy().getVersion() > found.getPolicy().getVersion())) {
            found = event;
          }
        }
      } while (tail.lag() > 0 && clock.instant().isBefore(until));
      return Optional.ofNullable(found);
    }
  }
}
