package org.visionzero.ops.chaos;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.common.Uuid;
import org.visionzero.ops.broker.ClusterMembership;
import org.visionzero.ops.broker.FreePorts;

/**
 * The chaos run's Kafka cluster: three {@code vz broker} processes on loopback, each a combined broker and
 * controller with its own data directory, sharing one cluster id and one list of voters. Ports are chosen once,
 * before the first start, so a killed broker restarts on the same addresses.
 */
final class BrokerCluster {

  static final int NODES = 3;
  private static final String NAME_PREFIX = "broker-";
  private static final String HOST = "localhost";
  /** A broker of a small cluster keeps well inside this. */
  private static final List<String> BROKER_JVM = List.of("-Xmx384m");

  private final List<SupervisedProcess> brokers;
  private final SortedMap<Integer, Integer> clientPorts;

  private BrokerCluster(List<SupervisedProcess> brokers, SortedMap<Integer, Integer> clientPorts) {
    this.brokers = List.copyOf(brokers);
    this.clientPorts = new TreeMap<>(clientPorts);
  }

  static BrokerCluster create(Path dataDir, Path logDir) {
    SortedMap<Integer, Integer> controllerPorts = new TreeMap<>();
    SortedMap<Integer, Integer> clientPorts = new TreeMap<>();
    java.util.Set<Integer> taken = new java.util.HashSet<>();
    for (int node = 1; node <= NODES; node++) {
      clientPorts.put(node, distinctFreePort(taken));
      controllerPorts.put(node, distinctFreePort(taken));
    }
    String clusterId = Uuid.randomUuid().toString();
    String voters = new ClusterMembership(1, clusterId, controllerPorts).voters(HOST);
    List<SupervisedProcess> brokers = new ArrayList<>();
    for (int node = 1; node <= NODES; node++) {
      brokers.add(new SupervisedProcess(new ChaosTarget(NAME_PREFIX + node, ComponentKind.BROKER), BROKER_JVM,
          List.of("broker", "--data-dir", dataDir.resolve(NAME_PREFIX + node).toString(),
              "--port", String.valueOf(clientPorts.get(node)), "--node-id", String.valueOf(node),
              "--controller-voters", voters, "--cluster-id", clusterId),
          logDir));
    }
    return new BrokerCluster(brokers, clientPorts);
  }

  private static int distinctFreePort(java.util.Set<Integer> taken) {
    int port = FreePorts.pick();
    while (!taken.add(port)) {
      port = FreePorts.pick();
    }
    return port;
  }

  List<SupervisedProcess> brokers() {
    return brokers;
  }

  String bootstrapServers() {
    return clientPorts.values().stream().map(port -> HOST + ":" + port).collect(Collectors.joining(","));
  }

  /** The node id of the broker process named {@code name} ({@code broker-2}: 2). */
  static int nodeId(String name) {
    return Integer.parseInt(name.substring(NAME_PREFIX.length()));
  }

  /** The client address of one node. */
  String address(int nodeId) {
    return HOST + ":" + clientPorts.get(nodeId);
  }
}
