package org.visionzero.topics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * One topic, fully described: its name, how keys and values are (de)serialised, and how it is configured.
 * Components take topics from the {@link TopicCatalog}; no topic name literal appears anywhere else.
 *
 * @param name          full topic name, prefix included
 * @param keySerde      serde of the keys
 * @param valueSerde    serde of the values
 * @param partitions    partition count at creation
 * @param cleanupPolicy {@code delete} or {@code compact}
 * @param retentionMs   retention in ms ({@code -1} keeps records forever)
 */
public record Topic<K, V>(
    String name,
    Serde<K> keySerde,
    Serde<V> valueSerde,
    int partitions,
    String cleanupPolicy,
    long retentionMs) {

  public static final String DELETE = "delete";
  public static final String COMPACT = "compact";
  /**
   * Log segment size of every topic: Kafka deletes and compacts whole closed segments only, so with its 1 GiB
   * default a short run's retention and compaction never act (a 30-minute {@code vz run} kept about 2 GB of logs).
   */
  public static final int SEGMENT_BYTES = 16 * 1024 * 1024;

  public Topic {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keySerde, "keySerde");
    Objects.requireNonNull(valueSerde, "valueSerde");
    if (partitions < 1) {
      throw new IllegalArgumentException("topic " + name + ": partitions must be >= 1, was " + partitions);
    }
    if (!DELETE.equals(cleanupPolicy) && !COMPACT.equals(cleanupPolicy)) {
      throw new IllegalArgumentException("topic " + name + ": cleanup policy must be delete or compact, was "
          + cleanupPolicy);
    }
  }

  /** Topic-level configs to apply at creation ({@code cleanup.policy}, {@code retention.ms}, {@code segment.bytes}, ...). */
  public Map<String, String> configs() {
    Map<String, String> configs = new LinkedHashMap<>();
    configs.put("cleanup.policy", cleanupPolicy);
    configs.put("retention.ms", Long.toString(retentionMs));
    configs.put("segment.bytes", Integer.toString(SEGMENT_BYTES));
    if (COMPACT.equals(cleanupPolicy)) {
      // Keep checkpoint history readable for a while even after compaction picked a newer value.
      configs.put("min.compaction.lag.ms", Long.toString(60_000));
    }
    return configs;
  }
}
