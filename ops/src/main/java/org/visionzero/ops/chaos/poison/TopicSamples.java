package org.visionzero.ops.chaos.poison;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.visionzero.events.BlobRef;
import org.visionzero.events.CheckpointPublished;
import org.visionzero.sign.CheckpointSignature;
import org.visionzero.topics.Topic;
import org.visionzero.topics.TopicCatalog;

/**
 * The last committed records of every input topic, read without a consumer group: what a replayed duplicate
 * writes again, and the checkpoint a tampered or missing-blob checkpoint imitates (its policy and architecture,
 * so that workers try to load it). Records the poison writer wrote itself are left out.
 */
final class TopicSamples {
  /** Records read back per partition: enough to pick from, little to read. */
  static final int PER_PARTITION = 20;
  private static final Duration READ_BUDGET = Duration.ofSeconds(5);
  private static final Duration POLL = Duration.ofMillis(200);

  /** A record as it was written: key, value and (checkpoints) signature. */
  record Sample(String key, byte[] value, byte[] signature) {}

  private final Map<String, List<Sample>> byTopic;
  private final CheckpointPublished checkpoint;

  private TopicSamples(Map<String, List<Sample>> byTopic, CheckpointPublished checkpoint) {
    this.byTopic = byTopic;
    this.checkpoint = checkpoint;
  }

  static TopicSamples none() {
    return new TopicSamples(Map.of(), null);
  }

  /** Reads the tail of each input topic (committed records only). */
  static TopicSamples read(Map<String, Object> clientProps, TopicCatalog topics, List<Topic<String, ?>> inputs) {
    Map<String, Object> props = new HashMap<>(clientProps);
    props.keySet().removeIf(key -> key.startsWith("key.") || key.startsWith("value.")
        || key.equals(ProducerConfig.TRANSACTIONAL_ID_CONFIG) || key.equals(ConsumerConfig.GROUP_ID_CONFIG));
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    Map<String, List<Sample>> byTopic = new HashMap<>();
    CheckpointPublished newest = null;
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (Topic<String, ?> topic : inputs) {
        consumer.partitionsFor(topic.name(), READ_BUDGET)
            .forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
      }
      consumer.assign(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, READ_BUDGET);
      Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, READ_BUDGET);
      partitions.forEach(p -> consumer.seek(p, Math.max(begin.get(p), end.get(p) - PER_PARTITION)));
      long deadline = System.nanoTime() + READ_BUDGET.toNanos();
      while (System.nanoTime() < deadline && partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
          if (record.headers().lastHeader(PoisonWriter.HEADER) != null || record.value() == null) {
            continue;
          }
          Header mac = record.headers().lastHeader(CheckpointSignature.HEADER);
          String key = record.key() == null ? null : new String(record.key(), java.nio.charset.StandardCharsets.UTF_8);
          byTopic.computeIfAbsent(record.topic(), t -> new ArrayList<>())
              .add(new Sample(key, record.value(), mac == null ? null : mac.value()));
          if (record.topic().equals(topics.checkpoints().name())) {
            newest = newer(newest, decode(topics, record.value()));
          }
        }
      }
    }
    return new TopicSamples(byTopic, newest);
  }

  /** A record of the topic, picked at random, or empty when none was read. */
  Optional<Sample> any(String topic, Random random) {
    List<Sample> samples = byTopic.getOrDefault(topic, List.of());
    return samples.isEmpty() ? Optional.empty() : Optional.of(samples.get(random.nextInt(samples.size())));
  }

  /** The policy the newest checkpoint read is of: the one being trained. */
  Optional<String> trainedPolicy() {
    return Optional.ofNullable(checkpoint).map(c -> c.getPolicy().getName());
  }

  /** Its architecture, so a worker gets as far as fetching the blob. */
  Optional<String> checkpointArchitecture() {
    return Optional.ofNullable(checkpoint).map(CheckpointPublished::getArchitecture);
  }

  /** Its blob: a real file a tampered checkpoint event can point at under another hash. */
  Optional<BlobRef> checkpointBlob() {
    return Optional.ofNullable(checkpoint).map(CheckpointPublished::getCheckpoint);
  }

  private static CheckpointPublished decode(TopicCatalog topics, byte[] value) {
    try {
      return topics.checkpoints().valueSerde().deserializer().deserialize(topics.checkpoints().name(), value);
    } catch (RuntimeException e) {
      return null; // someone else's poison: not a checkpoint to imitate
    }
  }

  private static CheckpointPublished newer(CheckpointPublished a, CheckpointPublished b) {
    if (b == null || b.getPolicy().getVersion() < 0) {
      return a;
    }
    return a == null || b.getPolicy().getVersion() >= a.getPolicy().getVersion() ? b : a;
  }
}
