package org.visionzero.policy;

import java.util.List;
import java.util.Objects;
import org.visionzero.events.PolicyRef;

/** The answer to one decision turn: {@code view.samples()} votes (G for the observer, else 1). */
public record DecisionAnswer(List<Vote> samples, PolicyRef policy) {
  public DecisionAnswer {
    Objects.requireNonNull(policy, "policy");
    samples = List.copyOf(samples);
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("a decision answer needs at least one sample");
    }
  }
}
