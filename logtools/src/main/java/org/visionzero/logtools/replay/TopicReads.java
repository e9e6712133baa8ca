package org.visionzero.logtools.replay;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;

/**
 * Reads topics once, from a start to the end they had when the read began, with an assigned consumer (no
 * group, nothing committed): the one-shot reads behind replay, index, rescore and export. Give it a
 * {@code read_committed} consumer so aborted transactions stay invisible, as they are to the pipeline.
 */
public final class TopicReads {
  private static final Duration POLL = Duration.ofMillis(200);

  private TopicReads() {}

  /** Every partition of a topic. */
  public static List<TopicPartition> partitions(org.apache.kafka.clients.consumer.Consumer<?, ?> consumer,
      String topic, Duration timeout) {
    List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
    if (infos == null || infos.isEmpty()) {
      throw new IllegalArgumentException("topic " + topic + " does not exist (check the topic prefix and the "
          + "cluster address)");
    }
    List<TopicPartition> partitions = new ArrayList<>();
    for (PartitionInfo info : infos) {
      partitions.add(new TopicPartition(info.topic(), info.partition()));
    }
    partitions.sort((a, b) -> Integer.compare(a.partition(), b.partition()));
    return partitions;
  }

  /**
   * The partition the default partitioner gives a key: the one that holds every record of a game (our
   * producers and Streams sinks never use another partitioner).
   */
  public static TopicPartition partitionOfKey(String topic, String key, int partitionCount) {
    byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
    return new TopicPartition(topic, Utils.toPositive(Utils.murmur2(bytes)) % partitionCount);
  }

  /** Reads the partitions from their beginning to their current end, record by record, in offset order. */
  public static <K, V> void readToEnd(org.apache.kafka.clients.consumer.Consumer<K, V> consumer,
      List<TopicPartition> partitions, Duration timeout, Consumer<ConsumerRecord<K, V>> sink)
      throws TimeoutException {
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    drain(consumer, partitions, timeout, sink);
  }

  /**
   * Reads the partitions from the consumer's current positions (seek first) to their current end.
   */
  public static <K, V> void drain(org.apache.kafka.clients.consumer.Consumer<K, V> consumer,
      List<TopicPartition> partitions, Duration timeout, Consumer<ConsumerRecord<K, V>> sink)
      throws TimeoutException {
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
    Instant deadline = Instant.now().plus(timeout);
    while (!reached(consumer, end)) {
      if (Instant.now().isAfter(deadline)) {
        throw new TimeoutException("topic " + partitions.get(0).topic() + " was not read to its end within "
            + timeout + "; is the cluster reachable?");
      }
      for (ConsumerRecord<K, V> record : consumer.poll(POLL)) {
        if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
          sink.accept(record);
        }
      }
    }
  }

  private static boolean reached(org.apache.kafka.clients.consumer.Consumer<?, ?> consumer,
      Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
      if (consumer.position(partition.getKey()) < partition.getValue()) {
        return false;
      }
    }
    return true;
  }
}
