package org.visionzero.ops.chaos.poison;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@link PoisonWriter#write} wrote: counts by kind ({@link PoisonKind#tag()}) and by topic, and where each
 * record landed, so a check can match every one to its dead letter (by position, or by key for a record whose
 * consequences are refused downstream).
 */
public record PoisonReport(Map<String, Long> writtenByKind, Map<String, Long> writtenByTopic,
    List<Written> records) {

  /** One poison record on the log. */
  public record Written(String topic, int partition, long offset, String key, String kind) {}

  public PoisonReport {
    writtenByKind = new TreeMap<>(writtenByKind);
    writtenByTopic = new TreeMap<>(writtenByTopic);
    records = List.copyOf(records);
  }

  /** The records written. */
  public long total() {
    return records.size();
  }
}
