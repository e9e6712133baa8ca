package org.visionzero.streams.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;

/**
 * A topology running as one Kafka Streams client with its client metrics bound: the start/stop skeleton of the
 * Streams deployables ({@code CoordinatorApp}, {@code ScorerApp}); a subclass builds its topology and adds its own
 * accessors.
 */
public abstract class StreamsApp implements AutoCloseable {
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaStreams streams;
  private final KafkaStreamsMetrics streamsMetrics;

  protected StreamsApp(Topology topology, Properties streamsProperties, MeterRegistry registry) {
    this.streams = new KafkaStreams(topology, streamsProperties);
    streams.setUncaughtExceptionHandler(new ThreadReplacement(Clock.systemUTC()));
    this.streamsMetrics = new KafkaStreamsMetrics(streams);
    streamsMetrics.bindTo(registry);
  }

  /** Starts processing; a subclass's {@code start()} calls it and returns itself. */
  protected final void startStreams() {
    streams.start();
  }

  public final KafkaStreams.State state() {
    return streams.state();
  }

  /** The underlying Streams client, for state listeners and interactive queries. */
  public final KafkaStreams streams() {
    return streams;
  }

  /** Stops, leaves the group (a replacement takes over at once) and unbinds the Streams client metrics. */
  @Override
  public final void close() {
    streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
        .withTimeout(CLOSE_TIMEOUT));
    streamsMetrics.close();
  }
}
