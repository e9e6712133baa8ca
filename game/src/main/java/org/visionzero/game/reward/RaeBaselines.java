package org.visionzero.game.reward;

import java.util.Objects;
import java.util.OptionalDouble;
import org.visionzero.events.Role;

/**
 * Role-Advantage Estimation: one baseline per role, updated once per optimizer step with the batch's mean
 * raw clue reward of that role, {@code b ← α·b + (1−α)·mean}; the advantage uses the updated baseline.
 * {@link RaeAdvantages} applies it to a batch.
 *
 * @param bSpy  baseline of the spy role
 * @param bCiv  baseline of the civilian role
 * @param alpha α, the decay (0.9 code, 0.95 paper)
 */
public record RaeBaselines(double bSpy, double bCiv, double alpha) {

  public RaeBaselines {
    if (!(alpha >= 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha must be in [0, 1), was " + alpha);
    }
    requireFinite("bSpy", bSpy);
    requireFinite("bCiv", bCiv);
  }

  /** Both baselines at 0, as at the start of training. */
  public static RaeBaselines initial(double alpha) {
    return new RaeBaselines(0, 0, alpha);
  }

  /** The baselines after one optimizer step; a role with no samples in the batch keeps its baseline. */
  public RaeBaselines update(OptionalDouble meanSpy, OptionalDouble meanCiv) {
    Objects.requireNonNull(meanSpy, "meanSpy");
    Objects.requireNonNull(meanCiv, "meanCiv");
    return new RaeBaselines(decay(bSpy, meanSpy, "meanSpy"), decay(bCiv, meanCiv, "meanCiv"), alpha);
  }

  /** The baseline of a clue-stage role. */
  public double baseline(Role role) {
    return switch (Objects.requireNonNull(role, "role")) {
      case SPY -> bSpy;
      case CIVILIAN -> bCiv;
      case OBSERVER -> throw new IllegalArgumentException("the observer gives no clues and has no RAE baseline");
    };
  }

  /** {@code raw − b_role}: the advantage of a seat's clues (used for both of its rounds). */
  public double advantage(Role role, double rawReward) {
    return rawReward - baseline(role);
  }

  private double decay(double baseline, OptionalDouble mean, String name) {
    if (mean.isEmpty()) {
      return baseline;
    }
    requireFinite(name, mean.getAsDouble());
    return alpha * baseline + (1 - alpha) * mean.getAsDouble();
  }

  private static void requireFinite(String name, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite, was " + value);
    }
  }
}
