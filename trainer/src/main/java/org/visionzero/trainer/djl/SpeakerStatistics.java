package org.visionzero.trainer.djl;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.visionzero.events.Role;

/** What the applied CLUE steps since the last version measured: KL to the base per speaker role, civilians' fidelity. */
final class SpeakerStatistics {
  private final Map<Role, double[]> kl = new EnumMap<>(Role.class); // sum, steps
  private double fidelitySum;
  private long fidelityCount;

  /** One applied step's per-role KL and the listener fidelity of its civilian clues (empty when not measured). */
  void add(Map<Role, Double> klByRole, double[] civilianFidelity) {
    klByRole.forEach((role, value) -> {
      double[] sum = kl.computeIfAbsent(role, r -> new double[2]);
      sum[0] += value;
      sum[1]++;
    });
    for (double f : civilianFidelity) {
      fidelitySum += f;
      fidelityCount++;
    }
  }

  /** e.g. {@code kl civilian 0.0123, spy 0.0301; civilian fidelity 0.712 (96 clues)}, then starts over. */
  String describeAndReset() {
    if (kl.isEmpty()) {
      return "none";
    }
    StringBuilder sb = new StringBuilder("kl");
    String separator = " ";
    for (Map.Entry<Role, double[]> e : kl.entrySet()) {
      sb.append(separator).append(e.getKey().name().toLowerCase(Locale.ROOT)).append(' ')
          .append(String.format(Locale.ROOT, "%.4f", e.getValue()[0] / e.getValue()[1]));
      separator = ", ";
    }
    if (fidelityCount > 0) {
      sb.append(String.format(Locale.ROOT, "; civilian listener fidelity %.3f (%d clues)",
          fidelitySum / fidelityCount, fidelityCount));
    }
    kl.clear();
    fidelitySum = 0;
    fidelityCount = 0;
    return sb.toString();
  }
}
