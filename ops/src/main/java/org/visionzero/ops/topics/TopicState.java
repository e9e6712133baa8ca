package org.visionzero.ops.topics;

import java.util.List;
import java.util.Map;

/**
 * What the cluster holds for one catalog topic, next to what the catalog asks for.
 *
 * @param topic full topic name
 * @param status {@code created} (just now), {@code exists}, or {@code missing}
 * @param partitions partitions on the cluster (0 when missing)
 * @param expectedPartitions partitions the catalog creates it with
 * @param replicationFactor replicas per partition on the cluster (0 when missing)
 * @param configs the catalog's topic configs as the cluster has them
 * @param problems differences from the catalog an operator should look at (empty when it matches)
 */
public record TopicState(
    String topic,
    String status,
    int partitions,
    int expectedPartitions,
    int replicationFactor,
    Map<String, String> configs,
    List<String> problems) {

  public static final String CREATED = "created";
  public static final String EXISTS = "exists";
  public static final String MISSING = "missing";

  public TopicState {
    configs = Map.copyOf(configs);
    problems = List.copyOf(problems);
  }

  public boolean present() {
    return !MISSING.equals(status);
  }
}
