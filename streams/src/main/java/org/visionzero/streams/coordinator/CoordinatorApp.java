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

  /** A coordinator that verifies no checkpoint blob (it has no blob store). */
  public CoordinatorApp(CoordinatorConfig config, MeterRegistry registry) {
    this(config, registry, CheckpointBlobCheck.NONE);
  }

  /** A coordinator that dead-letters every checkpoint event whose blob {@code blobCheck} refuses. */
  public CoordinatorApp(CoordinatorConfig config, MeterRegistry registry, CheckpointBlobCheck blobCheck) {
    this(Objects.requireNonNull(config, "config"), new CoordinatorMetrics(registry), registry,
        Objects.requireNonNull(blobCheck, "blobCheck"));
  }

  private CoordinatorApp(CoordinatorConfig config, CoordinatorMetrics metrics, MeterRegistry registry,
      CheckpointBlobCheck blobCheck) {
    super(CoordinatorTopology.build(config, metrics, blobCheck), config.streamsProperties(), registry);
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
