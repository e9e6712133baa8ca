package org.visionzero.ops.cli.options;

import java.util.Map;
import org.visionzero.ops.config.MetricsSettings;
import picocli.CommandLine.Option;

/** Options of commands that can serve metrics. */
public final class MetricsOptions implements FlagSource {

  @Option(names = "--metrics-port", paramLabel = "N",
      description = "Serve Prometheus metrics at http://127.0.0.1:N/metrics; 0 picks a free port "
          + "(setting metrics.port, default -1 = off).")
  String port;
  @Option(names = "--metrics-host", paramLabel = "ADDRESS",
      description = "Address the metrics endpoint listens on (setting metrics.host, default 127.0.0.1: this "
          + "machine only; 0.0.0.0: every interface).")
  String host;

  @Override
  public void addTo(Map<String, String> flags) {
    FlagSource.putIfGiven(flags, MetricsSettings.METRICS_PORT, port);
    FlagSource.putIfGiven(flags, MetricsSettings.METRICS_HOST, host);
  }
}
