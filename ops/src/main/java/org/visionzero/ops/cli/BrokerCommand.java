package org.visionzero.ops.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.visionzero.ops.broker.EmbeddedKafkaBroker;
import org.visionzero.ops.cli.options.BrokerOptions;
import org.visionzero.ops.cli.options.ConfigKey;
import org.visionzero.ops.cli.options.ConfigFileOption;
import org.visionzero.ops.cli.options.OutputOptions;
import org.visionzero.ops.config.BrokerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vz broker}: the embedded Kafka broker alone, in the foreground. */
@Command(name = "broker", mixinStandardHelpOptions = true,
    description = {"Run the embedded Kafka broker alone until Ctrl-C.",
        "A real single-node KRaft broker in this JVM; its data stays in --data-dir across restarts, and a "
            + "second broker on the same directory is refused. With --controller-voters and --cluster-id it is "
            + "one node of a multi-node cluster (replication factor 3, min.insync.replicas 2)."})
public final class BrokerCommand implements Runnable {

  @ConfigKey(BrokerConfig.NODE_ID)
  @Option(names = "--node-id", paramLabel = "N", description = "Node id in a cluster (default 1).")
  String nodeId;
  @ConfigKey(BrokerConfig.CONTROLLER_VOTERS)
  @Option(names = "--controller-voters", paramLabel = "ID@HOST:PORT,...",
      description = "Every controller of the cluster, this node included (default: none, a single node).")
  String controllerVoters;
  @ConfigKey(BrokerConfig.CLUSTER_ID)
  @Option(names = "--cluster-id", paramLabel = "ID", description = "Cluster id shared by every node of a cluster.")
  String clusterId;

  @Mixin
  BrokerOptions broker;
  @Mixin
  ConfigFileOption config;
  @Mixin
  OutputOptions output;

  @Override
  public void run() {
    BrokerConfig settings = config.load(BrokerConfig.CONFIG_DEF, BrokerConfig::new, broker, this);
    Foreground.startAndRunUntilStopped(() -> EmbeddedKafkaBroker.start(settings.brokerSettings()), this::printStarted,
        running -> output.progress("Broker stopped; data kept in " + running.dataDir()));
  }

  private void printStarted(EmbeddedKafkaBroker running) {
    Map<String, Object> started = new LinkedHashMap<>();
    started.put("bootstrapServers", running.bootstrapServers());
    started.put("port", running.port());
    started.put("dataDir", running.dataDir().toString());
    output.print(started,
        () -> "Kafka broker running at " + running.bootstrapServers() + " (port " + running.port() + ")\n"
            + "Data in " + running.dataDir() + "\nPress Ctrl-C to stop.");
  }
}
