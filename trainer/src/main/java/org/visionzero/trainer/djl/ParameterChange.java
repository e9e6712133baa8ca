package org.visionzero.trainer.djl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.visionzero.policy.model.ParameterSet;

/**
 * How much each part of the model moved between two sets of weights: per part (encoder, decoder, decision head,
 * listener) the number of weights, how many differ, and the mean and largest absolute difference. What a trainer
 * logs per version, so that which parameters a run really trains can be seen, not assumed.
 */
public record ParameterChange(Map<String, Part> parts) {
  /** The parts, by name prefix. */
  public static final List<String> PARTS =
      List.of(ParameterSet.ENCODER, ParameterSet.DECODER, ParameterSet.DECISION, ParameterSet.LISTENER);

  /** One part's change: weights, weights that differ, mean |Δ| over all its weights, largest |Δ|. */
  public record Part(long weights, long changed, double meanAbs, double maxAbs) {}

  public ParameterChange {
    parts = Map.copyOf(parts);
  }

  /**
   * The change from {@code before} to {@code after}, parameter by parameter; a parameter only one side has (the
   * listener's copy before it was made) is left out.
   */
  public static ParameterChange between(Map<String, float[]> before, Map<String, float[]> after) {
    Map<String, double[]> sums = new LinkedHashMap<>(); // weights, changed, Σ|Δ|, max|Δ|
    PARTS.forEach(p -> sums.put(p, new double[4]));
    after.forEach((name, now) -> {
      float[] then = before.get(name);
      String part = PARTS.stream().filter(name::startsWith).findFirst().orElse(null);
      if (then == null || part == null || then.length != now.length) {
        return;
      }
      double[] s = sums.get(part);
      for (int i = 0; i < now.length; i++) {
        double delta = Math.abs((double) now[i] - then[i]);
        s[0]++;
        s[1] += now[i] != then[i] ? 1 : 0;
        s[2] += delta;
        s[3] = Math.max(s[3], delta);
      }
    });
    Map<String, Part> parts = new LinkedHashMap<>();
    sums.forEach((part, s) -> parts.put(part, new Part((long) s[0], (long) s[1], s[0] == 0 ? 0 : s[2] / s[0], s[3])));
    return new ParameterChange(parts);
  }

  /** The part with this prefix (no weights when the model has none, e.g. a tied listener). */
  public Part part(String prefix) {
    return parts.getOrDefault(prefix, new Part(0, 0, 0, 0));
  }

  /** e.g. {@code encoder 0/538,880; decoder 697,577/697,583 (mean |Δ| 2.1e-04, max 4.0e-03)}, part by part. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    for (String prefix : PARTS) {
      Part p = part(prefix);
      if (p.weights() == 0) {
        continue;
      }
      if (sb.length() > 0) {
        sb.append("; ");
      }
      String name = prefix.substring(0, prefix.length() - 1);
      sb.append(p.changed() == 0 ? String.format(Locale.ROOT, "%s 0/%,d", name, p.weights())
          : String.format(Locale.ROOT, "%s %,d/%,d (mean |Δ| %.1e, max %.1e)", name, p.changed(), p.weights(),
              p.meanAbs(), p.maxAbs()));
    }
    return sb.toString();
  }
}
