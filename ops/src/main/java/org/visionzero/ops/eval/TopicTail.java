package org.visionzero.ops.eval;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.visionzero.topics.Topic;

/**
 * Reads a whole topic from its beginning and then follows it, without a consumer group (every reader sees
 * everything; nothing to commit). Committed records only. A record that does not decode is logged and skipped:
 * a reader of results must not stop on someone else's bad record (the writer dead-letters it).
 */
public final class TopicTail<V> implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TopicTail.class);
  private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);

  private final Topic<String, V> topic;
  private final KafkaConsumer<byte[], byte[]> consumer;

  public TopicTail(Map<String, Object> clientProperties, Topic<String, V> topic, String clientId) {
    this.topic = topic;
    Map<String, Object> props = new HashMap<>(clientProperties);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), METADATA_TIMEOUT).stream()
        .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
    if (partitions.isEmpty()) {
      consumer.close();
      throw new IllegalStateException("topic " + topic.name() + " does not exist: create the topics first");
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  /** The records that arrived within {@code timeout}, decoded. */
  public List<V> poll(Duration timeout) {
    return poll(timeout, record -> true);
  }

  /**
   * The records that arrived within {@code timeout}, each handed to {@code onValue} with its decoded value, or to
   * {@code onUndecodable} with the reason, for a reader that dead-letters what it cannot use.
   */
  public void poll(Duration timeout, BiConsumer<ConsumerRecord<byte[], byte[]>, V> onValue,
      BiConsumer<ConsumerRecord<byte[], byte[]>, RuntimeException> onUndecodable) {
    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(timeout)) {
      V value;
      try {
        value = record.value() == null ? null : topic.valueSerde().deserializer().deserialize(topic.name(),
            record.value());
      } catch (RuntimeException e) {
        onUndecodable.accept(record, e);
        continue;
      }
      if (value != null) {
        onValue.accept(record, value);
      }
    }
  }

  /** The same, only of the records {@code keep} accepts (e.g. those whose signature checks out). */
  public List<V> poll(Duration timeout, Predicate<ConsumerRecord<byte[], byte[]>> keep) {
    List<V> values = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(timeout)) {
      if (record.value() == null || !keep.test(record)) {
        continue;
      }
      try {
        values.add(topic.valueSerde().deserializer().deserialize(topic.name(), record.value()));
      } catch (RuntimeException e) {
        LOG.warn("skipping undecodable record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
            e.getMessage());
      }
    }
    return values;
  }

  /**
   * What has arrived, then more until the topic's current end, each wait at most {@code timeout}; stops early
   * once {@code running} turns false.
   */
  public List<V> pollToEnd(Duration timeout, BooleanSupplier running) {
    List<V> values = new ArrayList<>(poll(Duration.ZERO));
    while (lag() > 0 && running.getAsBoolean()) {
      values.addAll(poll(timeout));
    }
    return values;
  }

  /** Records not yet read, summed over partitions (the reader's lag). */
  public long lag() {
    Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
    long lag = 0;
    for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
      lag += Math.max(0, end.getValue() - consumer.position(end.getKey()));
    }
    return lag;
  }

  /** Interrupts a blocking {@link #poll} from another thread. */
  public void wakeup() {
    consumer.wakeup();
  }

  @Override
  public void close() {
    consumer.close();
  }
}
