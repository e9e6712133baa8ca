package org.visionzero.ops.progress;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Sums of counters by name over all their tags (e.g. every worker's answered turns). */
public final class MeterTotals {

  private MeterTotals() {
  }

  public static double counter(MeterRegistry registry, String name) {
    return registry.find(name).counters().stream().mapToDouble(Counter::count).sum();
  }
}
