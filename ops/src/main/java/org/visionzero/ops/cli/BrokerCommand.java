package org.visionzero.ops.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.visionzero.ops.broker.EmbeddedKafkaBroker;
import org.visionzero.ops.cli.options.BrokerOptions;
import org.visionzero.ops.cli.options.ConfigFileOption;
import org.visionzero.ops.cli.options.OutputOptions;
import org.visionzero.ops.config.BrokerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code vz broker}: the embedded Kafka broker alone, in the foreground. */
@Command(name = "broker", mixinStandardHelpOptions = true,
    description = {"Run the embedded Kafka broker alone until Ctrl-C.",
        "A real single-node KRaft broker in this JVM; its data stays in --data-dir across restarts, and a "
            + "second broker on the same directory is refused."})
public final class BrokerCommand implements Runnable {

  @Mixin
  BrokerOptions broker;
  @Mixin
  ConfigFileOption config;
  @Mixin
  OutputOptions output;

  @Override
  public void run() {
    BrokerConfig settings = config.load(BrokerConfig.CONFIG_DEF, BrokerConfig::new, broker);
    EmbeddedKafkaBroker running = EmbeddedKafkaBroker.start(settings.brokerSettings());
    Map<String, Object> started = new LinkedHashMap<>();
    started.put("bootstrapServers", running.bootstrapServers());
    started.put("port", running.port());
    started.put("dataDir", running.dataDir().toString());
    output.print(started,
        () -> "Kafka broker running at " + running.bootstrapServers() + " (port " + running.port() + ")\n"
            + "Data in " + running.dataDir() + "\nPress Ctrl-C to stop.");
    Foreground.runUntilStopped(running, () -> output.progress("Broker stopped; data kept in " + running.dataDir()));
  }
}
