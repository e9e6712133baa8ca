package org.visionzero.streams.scorer;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import org.apache.kafka.streams.Topology;
import org.visionzero.streams.config.ScorerConfig;
import org.visionzero.streams.app.StreamsApp;

/** The trajectory scorer as a process ({@code vz scorer}): build from config, start, close. */
public final class ScorerApp extends StreamsApp {

  public ScorerApp(ScorerConfig config, MeterRegistry registry) {
    super(buildTopology(Objects.requireNonNull(config, "config"), registry), config.streamsProperties(), registry);
  }

  public static Topology buildTopology(ScorerConfig config, MeterRegistry registry) {
    return ScorerTopology.build(config, new ScorerMetrics(registry));
  }

  public ScorerApp start() {
    startStreams();
    return this;
  }
}
