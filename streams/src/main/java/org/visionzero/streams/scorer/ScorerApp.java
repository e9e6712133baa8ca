package org.visionzero.streams.scorer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.Objects;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.visionzero.streams.config.ScorerConfig;

/** The trajectory scorer as a process ({@code vz scorer}): build from config, start, close. */
public final class ScorerApp implements AutoCloseable {
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaStreams streams;
  private final KafkaStreamsMetrics streamsMetrics;

  public ScorerApp(ScorerConfig config, MeterRegistry registry) {
    Objects.requireNonNull(config, "config");
    this.streams = new KafkaStreams(ScorerTopology.build(config, new ScorerMetrics(registry)),
        config.streamsProperties());
    this.streamsMetrics = new KafkaStreamsMetrics(streams);
    streamsMetrics.bindTo(registry);
  }

  public static Topology buildTopology(ScorerConfig config, MeterRegistry registry) {
    return ScorerTopology.build(config, new ScorerMetrics(registry));
  }

  public ScorerApp start() {
    streams.start();
    return this;
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  public KafkaStreams streams() {
    return streams;
  }

  /** Stops, leaves the group (a replacement takes over at once) and unbinds the Streams client metrics. */
  @Override
  public void close() {
    streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
        .withTimeout(CLOSE_TIMEOUT));
    streamsMetrics.close();
  }
}
