package org.visionzero.workers;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.visionzero.events.BlobRef;
import org.visionzero.events.ImagePairCreated;
import org.visionzero.events.TurnRequested;
import org.visionzero.policy.scene.SceneFacts;
import org.visionzero.topics.Topic;

/**
 * Ground truth for the oracle, for evaluation runs: follows {@code vz.image-pairs} on its own thread (no group,
 * from the beginning) and finds a turn's scene by the sha256 of the image the seat sees. Pairs without a scene
 * graph (photos) and blank images have no facts. Holds at most {@code capacity} images, oldest dropped first.
 */
public final class ImagePairFacts implements SceneFactsProvider, Runnable, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ImagePairFacts.class);
  private static final Duration POLL = Duration.ofMillis(200);
  /** Images indexed by default: two per pair, far more pairs than an evaluation run plays. */
  public static final int DEFAULT_CAPACITY = 200_000;

  private final Consumer<byte[], byte[]> consumer;
  private final Topic<String, ImagePairCreated> topic;
  private final Map<String, SceneFacts> byImage;
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile boolean running = true;

  public ImagePairFacts(Consumer<byte[], byte[]> consumer, Topic<String, ImagePairCreated> topic, int capacity) {
    this.consumer = consumer;
    this.topic = topic;
    this.byImage = new LinkedHashMap<>(1024, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, SceneFacts> eldest) {
        return size() > capacity;
      }
    };
  }

  /** Starts following the topic on a daemon thread. */
  public ImagePairFacts start() {
    Thread thread = new Thread(this, "image-pair-facts");
    thread.setDaemon(true);
    thread.start();
    return this;
  }

  @Override
  public void run() {
    try {
      List<PartitionInfo> infos = consumer.partitionsFor(topic.name());
      if (infos == null || infos.isEmpty()) {
        LOG.warn("topic {} does not exist: no scene facts for the oracle", topic.name());
        return;
      }
      List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      while (running) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
          index(record);
        }
      }
    } catch (WakeupException e) {
      // close() woke us up
    } catch (KafkaException e) {
      LOG.error("stopped reading {}: no new scene facts: {}", topic.name(), e.toString());
    } finally {
      consumer.close();
      finished.countDown();
    }
  }

  private void index(ConsumerRecord<byte[], byte[]> record) {
    ImagePairCreated pair;
    SceneFacts facts;
    try {
      pair = topic.valueSerde().deserializer().deserialize(topic.name(), record.value());
      if (pair == null || pair.getSceneGraphJson() == null) {
        return;
      }
      facts = SceneFacts.parse(pair.getSceneGraphJson());
    } catch (RuntimeException e) {
      // The coordinator dead-letters bad pairs; here a pair without usable facts simply has none.
      LOG.warn("no scene facts from {}/{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
      return;
    }
    synchronized (byImage) {
      byImage.put(pair.getOriginal().getSha256(), facts);
      byImage.put(pair.getModified().getSha256(), facts);
    }
  }

  @Override
  public SceneFacts factsFor(TurnRequested request) {
    BlobRef image = request.getImage();
    if (image == null) {
      return null;
    }
    synchronized (byImage) {
      return byImage.get(image.getSha256());
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    consumer.wakeup();
    finished.await(10, TimeUnit.SECONDS);
  }
}
