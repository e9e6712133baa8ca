package org.visionzero.ops.broker;

import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * This broker's place in a multi-node KRaft cluster on one host: its node id, the shared cluster id and every
 * voter's controller port (all chosen by whoever starts the cluster, before any node starts, so that each node's
 * {@code controller.quorum.voters} is the same). Each node is a combined broker and controller.
 *
 * @param controllerPorts controller port of every voter, by node id; includes this node
 */
public record ClusterMembership(int nodeId, String clusterId, SortedMap<Integer, Integer> controllerPorts) {

  /** Replicas of every topic of a cluster of three, and how many must acknowledge a write. */
  public static final int REPLICATION_FACTOR = 3;
  public static final int MIN_IN_SYNC_REPLICAS = 2;

  public ClusterMembership {
    Objects.requireNonNull(clusterId, "clusterId");
    if (clusterId.isBlank()) {
      throw new IllegalArgumentException("The cluster id must not be blank (every node of a cluster shares one)");
    }
    controllerPorts = new TreeMap<>(controllerPorts);
    if (!controllerPorts.containsKey(nodeId)) {
      throw new IllegalArgumentException("Node " + nodeId + " is not one of the voters " + controllerPorts.keySet());
    }
  }

  /** Parses {@code 1@localhost:9093,2@localhost:9095,...} (Kafka's {@code controller.quorum.voters} form). */
  public static ClusterMembership parse(int nodeId, String clusterId, String voters) {
    SortedMap<Integer, Integer> ports = new TreeMap<>();
    for (String voter : voters.split(",")) {
      String[] idAndAddress = voter.strip().split("@", 2);
      int colon = idAndAddress.length == 2 ? idAndAddress[1].lastIndexOf(':') : -1;
      if (colon < 0) {
        throw new IllegalArgumentException("Voter '" + voter + "' is not ID@HOST:PORT (e.g. 1@localhost:9093)");
      }
      try {
        ports.put(Integer.parseInt(idAndAddress[0]), Integer.parseInt(idAndAddress[1].substring(colon + 1)));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("Voter '" + voter + "' has a non-numeric id or port", e);
      }
    }
    return new ClusterMembership(nodeId, clusterId, ports);
  }

  /** This node's controller port. */
  public int controllerPort() {
    return controllerPorts.get(nodeId);
  }

  /** The value of {@code controller.quorum.voters} on {@code host}. */
  public String voters(String host) {
    return controllerPorts.entrySet().stream()
        .map(voter -> voter.getKey() + "@" + host + ":" + voter.getValue())
        .collect(Collectors.joining(","));
  }

  /** Replication settings of the internal topics and of topics created without their own. */
  Map<String, String> replicationProperties() {
    int replicas = Math.min(REPLICATION_FACTOR, controllerPorts.size());
    int minIsr = Math.min(MIN_IN_SYNC_REPLICAS, replicas);
    return Map.of(
        "offsets.topic.replication.factor", String.valueOf(replicas),
        "transaction.state.log.replication.factor", String.valueOf(replicas),
        "transaction.state.log.min.isr", String.valueOf(minIsr),
        "share.coordinator.state.topic.replication.factor", String.valueOf(replicas),
        "share.coordinator.state.topic.min.isr", String.valueOf(minIsr),
        "default.replication.factor", String.valueOf(replicas),
        "min.insync.replicas", String.valueOf(minIsr));
  }
}
