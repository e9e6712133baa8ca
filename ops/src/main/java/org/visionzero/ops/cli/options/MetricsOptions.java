package org.visionzero.ops.cli.options;

import java.util.Map;
import org.visionzero.ops.config.MetricsSettings;
import picocli.CommandLine.Option;

/** Options of commands that can serve metrics. */
public final class MetricsOptions implements FlagSource {

  @Option(names = "--metrics-port", paramLabel = "N",
      description = "Serve Prometheus metrics at http://localhost:N/metrics; 0 picks a free port "
          + "(setting metrics.port, default -1 = off).")
  String port;

  @Override
  public void addTo(Map<String, String> flags) {
    FlagSource.putIfGiven(flags, MetricsSettings.METRICS_PORT, port);
  }
}
