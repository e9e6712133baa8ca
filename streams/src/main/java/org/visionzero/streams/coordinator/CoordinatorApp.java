package org.visionzero.streams.coordinator;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import org.apache.kafka.streams.Topology;
import org.visionzero.streams.app.StreamsApp;
import org.visionzero.streams.config.CoordinatorConfig;

/**
 * The coordinator as a process: builds the topology from its config, starts it, closes it. {@code vz
 * coordinator} (ops) loads the config, calls {@link #start()} and closes on shutdown.
 */
public final class CoordinatorApp extends StreamsApp {
  private final CoordinatorConfig config;
  private final CoordinatorMetrics metrics;

  public CoordinatorApp(CoordinatorConfig config, MeterRegistry registry) {
    this(Objects.requireNonNull(config, "config"), new CoordinatorMetrics(registry), registry);
  }

  private CoordinatorApp(CoordinatorConfig config, CoordinatorMetrics metrics, MeterRegistry registry) {
    super(CoordinatorTopology.build(config, metrics), config.streamsProperties(), registry);
    this.config = config;
    this.metrics = metrics;
  }

  public static Topology buildTopology(CoordinatorConfig config, MeterRegistry registry) {
    return CoordinatorTopology.build(config, new CoordinatorMetrics(registry));
  }

  public CoordinatorApp start() {
    startStreams();
    return this;
  }

  public CoordinatorConfig config() {
    return config;
  }

  public CoordinatorMetrics metrics() {
    return metrics;
  }
}
