package org.visionzero.logtools.replay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.visionzero.topics.Topic;
import org.visionzero.topics.TopicCatalog;

/**
 * A consumer over an in-memory log that keeps its records (a plain MockConsumer forgets them once polled),
 * so a topic can be read from the beginning again and again, as from a broker. Records go to the partition
 * the default partitioner gives their key.
 */
public final class FakeLog extends MockConsumer<String, byte[]> {
  private static final Node NODE = new Node(0, "localhost", 9092);
  private final Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> log = new HashMap<>();
  private final Map<String, Integer> partitionCounts = new HashMap<>();

  public FakeLog() {
    super("earliest");
  }

  /** A fake log with every topic of the catalog, empty. */
  public static FakeLog of(TopicCatalog topics) {
    FakeLog fake = new FakeLog();
    topics.all().forEach(topic -> fake.topic(topic.name(), topic.partitions()));
    return fake;
  }

  public FakeLog topic(String name, int partitions) {
    List<PartitionInfo> infos = new ArrayList<>();
    Map<TopicPartition, Long> zero = new HashMap<>();
    for (int p = 0; p < partitions; p++) {
      infos.add(new PartitionInfo(name, p, NODE, new Node[] {NODE}, new Node[] {NODE}));
      zero.put(new TopicPartition(name, p), 0L);
      log.put(new TopicPartition(name, p), new ArrayList<>());
    }
    updatePartitions(name, infos);
    updateBeginningOffsets(zero);
    updateEndOffsets(zero);
    partitionCounts.put(name, partitions);
    return this;
  }

  /** Appends an event, encoded with the topic's serde. */
  public <V> ConsumerRecord<String, byte[]> append(Topic<String, V> topic, String key, V value) {
    return appendRaw(topic.name(), key, topic.valueSerde().serializer().serialize(topic.name(), value));
  }

  /** Appends raw bytes (e.g. a record no serde can decode). */
  public synchronized ConsumerRecord<String, byte[]> appendRaw(String topic, String key, byte[] value) {
    TopicPartition partition = TopicReads.partitionOfKey(topic, key, partitionCounts.get(topic));
    List<ConsumerRecord<String, byte[]>> records = log.get(partition);
    ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(topic, partition.partition(), records.size(),
        records.size(), TimestampType.CREATE_TIME, -1, value == null ? -1 : value.length, key, value,
        new RecordHeaders(), Optional.empty());
    records.add(record);
    updateEndOffsets(Map.of(partition, (long) records.size()));
    return record;
  }

  public synchronized List<ConsumerRecord<String, byte[]>> records(TopicPartition partition) {
    return List.copyOf(log.get(partition));
  }

  @Override
  public synchronized ConsumerRecords<String, byte[]> poll(Duration timeout) {
    for (TopicPartition partition : assignment()) {
      long position = position(partition);
      for (ConsumerRecord<String, byte[]> record : log.getOrDefault(partition, List.of())) {
        if (record.offset() >= position) {
          addRecord(record);
        }
      }
    }
    return super.poll(timeout);
  }
}
