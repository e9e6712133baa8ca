package org.visionzero.ops.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.visionzero.blob.BlobStore;
import org.visionzero.events.ImagePairCreated;
import org.visionzero.logtools.replay.TopicReads;
import org.visionzero.ops.topics.TopicProvisioner;
import org.visionzero.producers.publish.ImagePairPublisher;
import org.visionzero.producers.publish.ProduceOptions;
import org.visionzero.producers.publish.ProduceResult;
import org.visionzero.producers.publish.ProduceRunner;
import org.visionzero.producers.publish.ProgressListener;
import org.visionzero.topics.Topic;
import org.visionzero.topics.TopicCatalog;

/**
 * Image pairs rendered, stored and encoded before a benchmark's timed window, so that the window measures the
 * pipeline and not the renderer (the producers have their own bench). The pairs are produced the ordinary way
 * into a staging topic, read back as raw records, and later fed to the run's image-pair topic, all at once or
 * on an open-loop schedule (a late record is sent at once, so a slow pipeline cannot lower its own offered load).
 */
final class StagedPairs {
  /** The staging topics' prefix, beside the run's. */
  static final String STAGING_PREFIX = "bench-staging.";

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final List<Staged> records;

  private record Staged(byte[] key, byte[] value, Headers headers) {
  }

  private StagedPairs(List<Staged> records) {
    this.records = records;
  }

  /** Renders and stores {@code options.count()} pairs in {@code blobs}, and keeps their records in memory. */
  static StagedPairs render(Map<String, Object> clients, BlobStore blobs, ProduceOptions options)
      throws InterruptedException, TimeoutException {
    TopicCatalog staging = TopicCatalog.of(STAGING_PREFIX);
    try (Admin admin = Admin.create(clients)) {
      new TopicProvisioner(admin, TIMEOUT).create(staging);
    }
    ProduceResult result;
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(ImagePairPublisher.producerConfig(clients))) {
      result = ProduceRunner.run(options, producer, staging, blobs, ProgressListener.NONE);
    }
    if (result.published() != options.count()) {
      throw new IllegalStateException("staging published " + result.published() + " of " + options.count()
          + " pairs (" + result.deadLettered() + " rejected, " + result.alreadyPublished() + " already published)");
    }
    Map<String, Object> consumerConfig = new HashMap<>(clients);
    consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    List<Staged> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(),
        new ByteArrayDeserializer())) {
      String topic = staging.imagePairs().name();
      TopicReads.readToEnd(consumer, TopicReads.partitions(consumer, topic, TIMEOUT), TIMEOUT,
          record -> records.add(new Staged(record.key(), record.value(), record.headers())));
    }
    return new StagedPairs(records);
  }

  int size() {
    return records.size();
  }

  /**
   * Sends pairs {@code from} (inclusive) to {@code to} (exclusive) to {@code topic} at once, pair {@code i} being
   * staged pair {@code i mod size()}; from its second use on, a staged pair is renamed (pair and event id get
   * {@code ~copy}), so it starts a game of its own on the same images. Waits for the broker's acknowledgements.
   */
  void feedCopies(KafkaProducer<byte[], byte[]> producer, Topic<String, ImagePairCreated> topic, int from, int to)
      throws InterruptedException, ExecutionException {
    List<Future<RecordMetadata>> sent = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      Staged pair = records.get(i % records.size());
      int copy = i / records.size();
      if (copy == 0) {
        sent.add(producer.send(new ProducerRecord<>(topic.name(), null, pair.key(), pair.value(), pair.headers())));
        continue;
      }
      ImagePairCreated event = topic.valueSerde().deserializer().deserialize(topic.name(), pair.value());
      event.setPairId(event.getPairId() + "~" + copy);
      event.setEventId(event.getEventId() + "~" + copy);
      sent.add(producer.send(new ProducerRecord<>(topic.name(), null,
          topic.keySerde().serializer().serialize(topic.name(), event.getPairId()),
          topic.valueSerde().serializer().serialize(topic.name(), event), pair.headers())));
    }
    producer.flush();
    for (Future<RecordMetadata> ack : sent) {
      ack.get();
    }
  }

  /**
   * Sends staged pairs {@code from} (inclusive) to {@code to} (exclusive) to {@code topic}, {@code perSecond}
   * a second on a fixed schedule from now (0: all at once), and waits for the broker's acknowledgements.
   */
  void feed(KafkaProducer<byte[], byte[]> producer, String topic, int from, int to, double perSecond)
      throws InterruptedException, ExecutionException {
    long start = System.nanoTime();
    List<Future<RecordMetadata>> sent = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      if (perSecond > 0) {
        long due = start + (long) ((i - from) * (TimeUnit.SECONDS.toNanos(1) / perSecond));
        long wait = due - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
      }
      Staged pair = records.get(i);
      sent.add(producer.send(new ProducerRecord<>(topic, null, pair.key(), pair.value(), pair.headers())));
    }
    producer.flush();
    for (Future<RecordMetadata> ack : sent) {
      ack.get();
    }
  }
}
