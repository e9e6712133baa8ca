package org.visionzero.trainer.step;

/**
 * The fidelity term of CLUE steps: a civilian's clue advantage gains {@code weight × (f − f̄)}, where f is how true
 * the listener finds the clue of the civilian's own image ({@code policy.likelihood.ListenerFidelity}, in [0, 1])
 * and f̄ the mean over the batch's civilian clues. A trained speaker thus keeps the civilians' words true of their
 * picture even where the votes do not tell (the spy is found anyway, or an observer abstains). Centred, so it moves
 * no baseline; spies get no such term (their picture is the odd one).
 *
 * @param weight the term's weight; 0 turns it off
 */
public record CivilianFidelity(double weight) {
  /** The default weight: about the spread of civilians' RAE advantages for a typical spread of fidelity (±0.2). */
  public static final double DEFAULT_WEIGHT = 0.5;

  public CivilianFidelity {
    if (!(weight >= 0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException("the fidelity weight must be finite and >= 0, was " + weight);
    }
  }

  public static CivilianFidelity defaults() {
    return new CivilianFidelity(DEFAULT_WEIGHT);
  }

  public static CivilianFidelity off() {
    return new CivilianFidelity(0);
  }

  public boolean on() {
    return weight > 0;
  }

  /**
   * The advantage shifts of civilian clues with fidelities {@code fidelity}: {@code weight × (f − mean)}; empty in,
   * empty out.
   */
  public double[] shifts(double[] fidelity) {
    double mean = 0;
    for (double f : fidelity) {
      mean += f / fidelity.length;
    }
    double[] out = new double[fidelity.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = weight * (fidelity[i] - mean);
    }
    return out;
  }
}
