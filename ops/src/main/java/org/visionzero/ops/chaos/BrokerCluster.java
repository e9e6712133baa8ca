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
  private static final String HOST = "localhost";
  /** A broker of a small cluster keeps well inside this. */
  private static final List<String> BROKER_JVM = List.of("-Xmx384m");

  private final List<SupervisedProcess> brokers;
  private final String bootstrapServers;

  private BrokerCluster(List<SupervisedProcess> brokers, String bootstrapServers) {
    this.brokers = List.copyOf(brokers);
    this.bootstrapServers = bootstrapServers;
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
      brokers.add(new SupervisedProcess(new ChaosTarget("broker-" + node, ComponentKind.BROKER), BROKER_JVM,
          List.of("broker", "--data-dir", dataDir.resolve("broker-" + node).toString(),
              "--port", String.valueOf(clientPorts.get(node)), "--node-id", String.valueOf(node),
              "--controller-voters", voters, "--cluster-id", clusterId),
          logDir));
    }
    String bootstrap = clientPorts.values().stream().map(port -> HOST + ":" + port).collect(Collectors.joining(","));
    return new BrokerCluster(brokers, bootstrap);
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
    return bootstrapServers;
  }
}
