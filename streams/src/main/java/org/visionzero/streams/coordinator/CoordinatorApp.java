package org.visionzero.streams.coordinator;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.Objects;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.visionzero.streams.config.CoordinatorConfig;

/**
 * The coordinator as a process: builds the topology from its config, starts it, closes it. {@code vz
 * coordinator} (ops) loads the config, calls {@link #start()} and closes on shutdown.
 */
public final class CoordinatorApp implements AutoCloseable {
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final CoordinatorConfig config;
  private final CoordinatorMetrics metrics;
  private final KafkaStreams streams;
  private final KafkaStreamsMetrics streamsMetrics;

  public CoordinatorApp(CoordinatorConfig config, MeterRegistry registry) {
    this.config = Objects.requireNonNull(config, "config");
    this.metrics = new CoordinatorMetrics(registry);
    Topology topology = CoordinatorTopology.build(config, metrics);
    this.streams = new KafkaStreams(topology, config.streamsProperties());
    this.streamsMetrics = new KafkaStreamsMetrics(streams);
    streamsMetrics.bindTo(registry);
  }

  public static Topology buildTopology(CoordinatorConfig config, MeterRegistry registry) {
    return CoordinatorTopology.build(config, new CoordinatorMetrics(registry));
  }

  public CoordinatorApp start() {
    streams.start();
    return this;
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  /** The underlying Streams client, for state listeners and {@code KafkaStreamsMetrics}. */
  public KafkaStreams streams() {
    return streams;
  }

  public CoordinatorConfig config() {
    return config;
  }

  public CoordinatorMetrics metrics() {
    return metrics;
  }

  /** Stops, leaves the group (a replacement takes over at once) and unbinds the Streams client metrics. */
  @Override
  public void close() {
    streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
        .withTimeout(CLOSE_TIMEOUT));
    streamsMetrics.close();
  }
}
