package org.visionzero.ops.cli.options;

import java.util.Optional;
import org.visionzero.ops.config.VzConfigException;
import org.visionzero.ops.metrics.MetricsEndpoint;
import org.visionzero.ops.config.MetricsSettings;
import picocli.CommandLine.Option;

/** Options of commands that can serve metrics. */
public final class MetricsOptions {

  @ConfigKey(MetricsSettings.METRICS_PORT)
  @Option(names = "--metrics-port", paramLabel = "N",
      description = "Serve Prometheus metrics at http://127.0.0.1:N/metrics; 0 picks a free port "
          + "(setting metrics.port, default -1 = off).")
  String port;
  @ConfigKey(MetricsSettings.METRICS_HOST)
  @Option(names = "--metrics-host", paramLabel = "ADDRESS",
      description = "Address the metrics endpoint listens on (setting metrics.host, default 127.0.0.1: this "
          + "machine only; 0.0.0.0: every interface).")
  String host;

  /**
   * The endpoint these flags ask for, for commands whose settings do not define {@code metrics.*} (a worker's
   * are the gpu-consumers module's): empty without {@code --metrics-port}.
   */
  public Optional<MetricsEndpoint> startEndpoint() {
    if (port == null || Integer.parseInt(port.strip()) == MetricsSettings.DISABLED) {
      return Optional.empty();
    }
    try {
      return Optional.of(MetricsEndpoint.start(host == null ? MetricsSettings.LOOPBACK : host,
          Integer.parseInt(port.strip())));
    } catch (IllegalArgumentException e) {
      throw new VzConfigException("Invalid --metrics-port '" + port + "' or --metrics-host '" + host + "': "
          + e.getMessage(), e);
    }
  }
}
