package org.visionzero.ops.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/** Where a process serves its metrics for Prometheus. */
public final class MetricsSettings {

  public static final String METRICS_PORT = "metrics.port";
  public static final String METRICS_HOST = "metrics.host";
  public static final String LOOPBACK = "127.0.0.1";
  public static final int DISABLED = -1;

  private static final int MAX_PORT = 65_535;

  private MetricsSettings() {
  }

  public static ConfigDef define(ConfigDef definition) {
    return definition.define(METRICS_PORT, Type.INT, DISABLED, ConfigDef.Range.between(DISABLED, MAX_PORT),
        Importance.LOW, "HTTP port of the Prometheus metrics endpoint (/metrics); -1 (default) serves none, "
            + "0 picks a free port.", "Metrics", 1, ConfigDef.Width.SHORT, "Metrics port")
        .define(METRICS_HOST, Type.STRING, LOOPBACK, new ConfigDef.NonEmptyString(), Importance.LOW,
            "Address the metrics endpoint listens on: loopback only (default), or e.g. 0.0.0.0 (every interface) "
                + "where Prometheus scrapes from another machine or container.", "Metrics", 2,
            ConfigDef.Width.SHORT, "Metrics host");
  }
}
