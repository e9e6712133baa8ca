package org.visionzero.ops.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.visionzero.ops.cli.options.BrokerOptions;
import org.visionzero.ops.cli.options.ConfigFileOption;
import org.visionzero.ops.cli.options.KafkaOptions;
import org.visionzero.ops.cli.options.MetricsOptions;
import org.visionzero.ops.cli.options.OutputOptions;
import org.visionzero.ops.config.VzRunConfig;
import org.visionzero.ops.metrics.MetricsEndpoint;
import org.visionzero.ops.run.VzRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code vz run}: the whole system in one process, until Ctrl-C. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run broker, topics and components in one process until Ctrl-C.",
        "Starts the embedded Kafka broker unless --bootstrap-servers names a cluster, creates the catalog's "
            + "topics, starts the components, and stops all of it cleanly on Ctrl-C."})
public final class RunCommand implements Runnable {

  @Mixin
  BrokerOptions broker;
  @Mixin
  KafkaOptions kafka;
  @Mixin
  MetricsOptions metrics;
  @Mixin
  ConfigFileOption config;
  @Mixin
  OutputOptions output;

  @Override
  public void run() {
    VzRunConfig settings = config.load(VzRunConfig.CONFIG_DEF, VzRunConfig::new, broker, kafka, metrics);
    VzRun running = VzRun.start(settings);
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("bootstrapServers", running.bootstrapServers());
    summary.put("dataDir", running.dataDir().map(Object::toString).orElse(null));
    summary.put("metricsUrl", running.metrics().map(MetricsEndpoint::url).orElse(null));
    summary.put("topics", running.topics());
    output.print(summary, () -> "Kafka at " + running.bootstrapServers()
        + running.dataDir().map(dir -> " (embedded broker, data in " + dir + ")").orElse(" (external cluster)")
        + running.metrics().map(endpoint -> "\nMetrics at " + endpoint.url()).orElse("")
        + "\n" + TopicTable.render(running.topics()) + "\nRunning. Press Ctrl-C to stop.");
    Foreground.runUntilStopped(running, () -> output.progress("vz run stopped"
        + running.dataDir().map(dir -> "; data kept in " + dir).orElse("")));
  }
}
