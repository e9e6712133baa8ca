package org.visionzero.trainer.inputs;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.visionzero.blob.BlobStore;
import org.visionzero.blob.ImageBytes;
import org.visionzero.events.BlobRef;
import org.visionzero.events.ImagePairCreated;
import org.visionzero.topics.Topic;

/**
 * Image pairs from {@code vz.image-pairs} (read on demand up to its end) with their images from the blob
 * store; the most recently used decoded pairs stay in memory.
 */
public final class BlobPairImages implements PairImages {
  private static final int CACHED_PAIRS = 512;
  private static final Duration POLL = Duration.ofMillis(200);

  private final Consumer<byte[], byte[]> consumer;
  private final Topic<String, ImagePairCreated> topic;
  private final BlobStore blobs;
  private final Duration timeout;
  private final Map<String, ImagePairCreated> pairs = new HashMap<>();
  private final Map<String, PairPictures> decoded = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, PairPictures> eldest) {
      return size() > CACHED_PAIRS;
    }
  };
  private boolean assigned;

  public BlobPairImages(Consumer<byte[], byte[]> consumer, Topic<String, ImagePairCreated> topic, BlobStore blobs,
      Duration timeout) {
    this.consumer = Objects.requireNonNull(consumer, "consumer");
    this.topic = Objects.requireNonNull(topic, "topic");
    this.blobs = Objects.requireNonNull(blobs, "blobs");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  @Override
  public synchronized PairPictures pictures(String pairId) {
    PairPictures cached = decoded.get(pairId);
    if (cached != null) {
      return cached;
    }
    ImagePairCreated pair = pairs.get(pairId);
    if (pair == null) {
      readToEnd();
      pair = pairs.get(pairId);
    }
    if (pair == null) {
      throw new IllegalArgumentException("image pair " + pairId + " is not in " + topic.name());
    }
    PairPictures pictures = new PairPictures(image(pair.getOriginal()), image(pair.getModified()),
        pair.getSpyHint());
    decoded.put(pairId, pictures);
    return pictures;
  }

  private void readToEnd() {
    List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), timeout).stream()
        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    if (!assigned) {
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      assigned = true;
    }
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("could not read " + topic.name() + " to its end within " + timeout);
      }
      for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
        try {
          ImagePairCreated pair = topic.valueSerde().deserializer().deserialize(record.topic(), record.value());
          if (pair != null) {
            pairs.put(pair.getPairId(), pair);
          }
        } catch (RuntimeException e) {
          // The producer dead-letters its own bad output; a pair we cannot read is simply not trainable.
          org.slf4j.LoggerFactory.getLogger(BlobPairImages.class).warn("skipping undecodable pair at {}/{}: {}",
              record.partition(), record.offset(), e.getMessage());
        }
      }
    }
  }

  private BufferedImage image(BlobRef ref) {
    try {
      return ImageBytes.read(blobs.get(ref)).orElseThrow(() -> new IllegalArgumentException(
          "blob " + ref.getUri() + " is not a readable image"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read image " + ref.getUri(), e);
    }
  }
}
