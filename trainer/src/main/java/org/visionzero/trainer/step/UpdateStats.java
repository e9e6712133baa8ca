package org.visionzero.trainer.step;

/**
 * What a computed (not yet applied) GRPO update measured.
 *
 * @param loss         total loss
 * @param kl           mean per-token k3 KL to the reference
 * @param clipFraction share of tokens whose ratio was clipped
 * @param gradNorm     global gradient norm before clipping
 * @param samples      samples that entered the loss
 */
public record UpdateStats(double loss, double kl, double clipFraction, double gradNorm, int samples) {

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
