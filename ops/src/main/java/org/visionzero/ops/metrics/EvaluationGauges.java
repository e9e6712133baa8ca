package org.visionzero.ops.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.visionzero.ops.eval.VersionResult;

/**
 * The evaluator's newest figures as gauges: {@code vz.eval.version} and {@code vz.eval.decision.accuracy} (on v0's
 * clues), {@code vz.eval.no.image.accuracy} (the control); NaN before the first evaluation.
 */
public final class EvaluationGauges {

  public static final String VERSION = "vz.eval.version";
  public static final String DECISION_ACCURACY = "vz.eval.decision.accuracy";
  public static final String NO_IMAGE_ACCURACY = "vz.eval.no.image.accuracy";

  private EvaluationGauges() {
  }

  public static void bind(MeterRegistry registry, Supplier<List<VersionResult>> results) {
    gauge(registry, results, VERSION, "Newest evaluated policy version", VersionResult::version);
    gauge(registry, results, DECISION_ACCURACY, "Decision accuracy of the newest evaluated version on v0's clues",
        result -> result.decisionAccuracy().rate());
    gauge(registry, results, NO_IMAGE_ACCURACY, "The same with a blank decision image (control)",
        result -> result.noImageAccuracy().rate());
  }

  private static void gauge(MeterRegistry registry, Supplier<List<VersionResult>> results, String name,
      String description, ToDoubleFunction<VersionResult> figure) {
    Gauge.builder(name, results, r -> {
      List<VersionResult> all = r.get();
      return all.isEmpty() ? Double.NaN : figure.applyAsDouble(all.get(all.size() - 1));
    }).description(description).register(registry);
  }
}
