package org.visionzero.streams.scorer;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;

/** Micrometer meters of the scorer. */
public final class ScorerMetrics {
  public static final String TRAJECTORIES_SCORED = "vz.scorer.trajectories.scored";
  public static final String DEAD_LETTERS = "vz.scorer.dead.letters";

  private final MeterRegistry registry;

  public ScorerMetrics(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  void scored() {
    registry.counter(TRAJECTORIES_SCORED).increment();
  }

  void deadLettered() {
    registry.counter(DEAD_LETTERS).increment();
  }
}
