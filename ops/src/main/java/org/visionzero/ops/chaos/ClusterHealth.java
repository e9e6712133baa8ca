package org.visionzero.ops.chaos;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Whether the cluster is whole: every broker registered and every partition of every topic (internal ones
 * included) with all its replicas in sync. A broker may be killed only then, so that two are never down at once,
 * and a killed broker has recovered when it is whole again.
 */
final class ClusterHealth implements AutoCloseable {

  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

  private final Admin admin;
  private final int brokers;

  ClusterHealth(Map<String, Object> clientProperties, int brokers) {
    Map<String, Object> props = new HashMap<>(clientProperties);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) CALL_TIMEOUT.toMillis());
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) CALL_TIMEOUT.toMillis());
    props.put(AdminClientConfig.CLIENT_ID_CONFIG, "vz-chaos-health");
    this.admin = Admin.create(props);
    this.brokers = brokers;
  }

  /** True when all brokers are registered and no partition is under-replicated; false also when the call fails. */
  boolean whole() {
    try {
      int registered = admin.describeCluster().nodes().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
      if (registered < brokers) {
        return false;
      }
      Set<String> names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names()
          .get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames()
          .get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      return topics.values().stream().flatMap(topic -> topic.partitions().stream())
          .allMatch(partition -> partition.isr().size() == partition.replicas().size());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) {
      return false;
    }
  }

  /**
   * True when the broker at {@code address} answers itself and lists itself among the registered, unfenced brokers:
   * a restarted broker is back. (Right after a kill the others still list the dead one for the controller's
   * session timeout, and its replicas stay in the ISR until then, so {@link #whole()} alone would be true at once.)
   */
  boolean serves(String address, int nodeId) {
    Map<String, Object> props = new HashMap<>();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, address);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) CALL_TIMEOUT.toMillis());
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) CALL_TIMEOUT.toMillis());
    props.put(AdminClientConfig.CLIENT_ID_CONFIG, "vz-chaos-health-" + nodeId);
    try (Admin own = Admin.create(props)) {
      return own.describeCluster().nodes().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).stream()
          .anyMatch(node -> node.id() == nodeId);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) {
      return false;
    }
  }

  /**
   * The end of each partition (its high watermark: every record appended so far, committed or not), or empty when
   * the cluster does not answer in time.
   */
  Optional<Map<TopicPartition, Long>> endOffsets(Collection<TopicPartition> partitions) {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    partitions.forEach(partition -> latest.put(partition, OffsetSpec.latest()));
    try {
      Map<TopicPartition, Long> ends = new HashMap<>();
      admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all()
          .get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
          .forEach((partition, info) -> ends.put(partition, info.offset()));
      return Optional.of(ends);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    admin.close(CALL_TIMEOUT);
  }
}
