package org.visionzero.policy.train;

import ai.djl.ndarray.NDArray;
import org.visionzero.policy.model.VzNetwork;

/**
 * The GRPO loss of VISION-ZERO.md section 3, over padded token arrays.
 *
 * <p>Per token t of sequence i, with r = exp(lp − lp_behaviour) and advantage A_i:
 * {@code ℓ = −min(r·A, clip(r, 1−ε, 1+ε)·A) + β·(exp(ref − lp) − (ref − lp) − 1)}.
 * The loss is the token mean per sequence (over its mask), then the mean over sequences that have at least
 * one token. The behaviour log-probs are the ones recorded when the sample was drawn (a streaming system
 * samples with an older policy, so the ratio is not 1); the reference log-probs come from the frozen
 * starting policy.
 */
public final class GrpoLoss {
  /** PPO clip range ε. */
  public static final float CLIP_EPSILON = 0.2f;
  /** Weight β of the k3 KL term (VISION-ZERO.md section 3); the trainer's per-phase weights start from it. */
  public static final double KL_BETA = 0.04;

  private GrpoLoss() {}

  /**
   * The loss and its diagnostics.
   *
   * @param loss         scalar to back-propagate
   * @param kl           k3 KL to the reference, aggregated like the loss (token mean, then sequence mean)
   * @param clipFraction share of real tokens whose clipped term was the active one
   * @param sequenceKl   each sequence's k3 KL (token mean; 0 for a sequence without tokens), e.g. to report per role
   */
  public record Result(NDArray loss, double kl, double clipFraction, float[] sequenceKl) {}

  /**
   * @param logProbs          current policy log-probs of the sampled tokens [B, T] (with gradient)
   * @param behaviourLogProbs log-probs recorded at sampling time [B, T]
   * @param referenceLogProbs frozen reference log-probs [B, T]
   * @param advantages        one advantage per sequence [B]
   * @param mask              1 for real tokens, 0 for padding [B, T]
   */
  public static Result compute(NDArray logProbs, NDArray behaviourLogProbs, NDArray referenceLogProbs,
      NDArray advantages, NDArray mask, float clipEpsilon, float klBeta) {
    // Scalars as arrays of the step's manager: see VzNetwork.constant.
    return compute(logProbs, behaviourLogProbs, referenceLogProbs, advantages, mask, clipEpsilon,
        VzNetwork.constant(logProbs, klBeta));
  }

  /**
   * The same with a KL weight per sequence (e.g. per role of the speaker), {@code klBetas} [B]; equal weights give
   * the figures of the scalar form exactly.
   */
  public static Result compute(NDArray logProbs, NDArray behaviourLogProbs, NDArray referenceLogProbs,
      NDArray advantages, NDArray mask, float clipEpsilon, NDArray klBetas) {
    if (klBetas.getShape().dimension() == 1) {
      if (klBetas.getShape().get(0) != logProbs.getShape().get(0)) {
        throw new IllegalArgumentException("klBetas must be [B] with B = " + logProbs.getShape().get(0) + ", was "
            + klBetas.getShape());
      }
      klBetas = klBetas.expandDims(1);
    }
    requireSameShape(logProbs, behaviourLogProbs, "behaviourLogProbs");
    requireSameShape(logProbs, referenceLogProbs, "referenceLogProbs");
    requireSameShape(logProbs, mask, "mask");
    if (advantages.getShape().dimension() != 1 || advantages.getShape().get(0) != logProbs.getShape().get(0)) {
      throw new IllegalArgumentException("advantages must be [B] with B = " + logProbs.getShape().get(0)
          + ", was " + advantages.getShape());
    }
    NDArray advantage = advantages.expandDims(1);
    NDArray ratio = logProbs.sub(behaviourLogProbs.stopGradient()).exp();
    NDArray unclipped = ratio.mul(advantage);
    NDArray clipped = ratio.clip(1f - clipEpsilon, 1f + clipEpsilon).mul(advantage);
    NDArray policyTerm = unclipped.minimum(clipped).neg();
    NDArray delta = referenceLogProbs.stopGradient().sub(logProbs);
    NDArray k3 = delta.exp().sub(delta).sub(1f);
    NDArray perToken = policyTerm.add(k3.mul(klBetas));

    NDArray tokens = mask.sum(new int[] {1});
    NDArray hasTokens = tokens.gt(0f).toType(ai.djl.ndarray.types.DataType.FLOAT32, false);
    NDArray perSequenceDivisor = tokens.maximum(1f);
    float sequences = Math.max(hasTokens.sum().getFloat(), 1f);
    NDArray loss = perToken.mul(mask).sum(new int[] {1}).div(perSequenceDivisor).sum()
        .div(VzNetwork.constant(mask, sequences));
    NDArray sequenceKl = k3.mul(mask).sum(new int[] {1}).div(perSequenceDivisor);
    double kl = sequenceKl.sum().getFloat() / sequences;

    // The clipped branch is active when the ratio left the range in the direction the advantage rewards.
    NDArray active = ratio.gt(1f + clipEpsilon).logicalAnd(advantage.gt(0f))
        .logicalOr(ratio.lt(1f - clipEpsilon).logicalAnd(advantage.lt(0f)))
        .toType(ai.djl.ndarray.types.DataType.FLOAT32, false);
    float realTokens = Math.max(mask.sum().getFloat(), 1f);
    double clipFraction = active.mul(mask).sum().getFloat() / realTokens;
    return new Result(loss, kl, clipFraction, sequenceKl.toFloatArray());
  }

  private static void requireSameShape(NDArray expected, NDArray actual, String name) {
    if (!expected.getShape().equals(actual.getShape())) {
      throw new IllegalArgumentException(
          name + " must have shape " + expected.getShape() + ", was " + actual.getShape());
    }
  }
}
