package org.visionzero.policy.train;

/**
 * What a computed GRPO update measured, before it is applied.
 *
 * @param loss         total loss
 * @param kl           k3 KL to the reference, aggregated like the loss (token mean, then sequence mean)
 * @param clipFraction share of real tokens whose clipped term was the active one
 * @param gradNorm     global gradient norm before clipping (NaN when the loss was not finite: no backward ran)
 */
public record GrpoMetrics(double loss, double kl, double clipFraction, double gradNorm) {

  /** True when the loss and the gradient norm are finite numbers, so applying the update is safe. */
  public boolean finite() {
    return Double.isFinite(loss) && Double.isFinite(gradNorm);
  }

  /** Why the update must not be applied; empty when it may. */
  public String nonFiniteReason() {
    if (finite()) {
      return "";
    }
    return "non-finite " + (Double.isFinite(loss) ? "" : "loss=" + loss + " ")
        + (Double.isFinite(gradNorm) ? "" : "gradNorm=" + gradNorm);
  }
}
