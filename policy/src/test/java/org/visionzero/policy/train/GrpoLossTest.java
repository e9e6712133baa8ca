package org.visionzero.policy.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.visionzero.policy.runtime.DjlRuntime;

/**
 * Golden values worked out by hand for two sequences: sequence 1 has two tokens with ratios 1.5 and 0.5 and
 * advantage +1 (reference equal to the policy on token 1, ln 2 above it on token 2); sequence 2 has one token
 * with ratio 1 and advantage −2, and one padding position.
 */
class GrpoLossTest {
  private static final float BETA = (float) GrpoLoss.KL_BETA;
  private static final double LN_1_5 = Math.log(1.5);
  private static final double LN_2 = Math.log(2);
  /** k3 at ref − lp = ln 2: 2 − ln 2 − 1. */
  private static final double K3_LN2 = 2 - LN_2 - 1;
  private static NDManager manager;

  @BeforeAll
  static void engine() {
    DjlRuntime.init();
    manager = Engine.getInstance().newBaseManager();
  }

  @AfterAll
  static void release() {
    manager.close();
  }

  private record Case(NDArray lp, NDArray behaviour, NDArray reference, NDArray advantages, NDArray mask) {}

  private static Case goldenCase(NDManager m) {
    NDArray lp = m.create(new float[] {-1.0f, -2.0f, -0.5f, 0f}, new Shape(2, 2));
    NDArray behaviour =
        m.create(new float[] {(float) (-1.0 - LN_1_5), (float) (-2.0 + LN_2), -0.5f, 0f}, new Shape(2, 2));
    NDArray reference = m.create(new float[] {-1.0f, (float) (-2.0 + LN_2), -0.5f, 0f}, new Shape(2, 2));
    NDArray advantages = m.create(new float[] {1f, -2f});
    NDArray mask = m.create(new float[] {1f, 1f, 1f, 0f}, new Shape(2, 2));
    return new Case(lp, behaviour, reference, advantages, mask);
  }

  @Test
  void shouldMatchHandComputedLossKlAndClipFraction() {
    try (NDManager m = manager.newSubManager()) {
      Case c = goldenCase(m);
      GrpoLoss.Result r = GrpoLoss.compute(c.lp(), c.behaviour(), c.reference(), c.advantages(),
          c.mask(), GrpoLoss.CLIP_EPSILON, BETA);
      // sequence 1: tokens −min(1.5, 1.2) = −1.2 and −min(0.5, 0.8) + 0.04·k3 = −0.5 + 0.04·0.306853;
      // token mean −0.843863. Sequence 2: −min(1·−2, 1·−2) = 2. Mean over sequences: 0.578069.
      double expectedLoss = ((-1.2 + (-0.5 + 0.04 * K3_LN2)) / 2 + 2) / 2;
      assertThat(r.loss().getFloat()).isCloseTo((float) expectedLoss, within(1e-5f));
      assertThat(expectedLoss).isCloseTo(0.578069, within(1e-6));
      assertThat(r.kl()).isCloseTo((K3_LN2 / 2 + 0) / 2, within(1e-6));
      assertThat(r.clipFraction()).isCloseTo(1.0 / 3, within(1e-6)); // only token 1 of sequence 1 is clipped
    }
  }

  @Test
  void shouldMatchHandComputedGradients() {
    try (NDManager m = manager.newSubManager()) {
      Case c = goldenCase(m);
      NDArray lp = c.lp();
      lp.setRequiresGradient(true);
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        GrpoLoss.Result r = GrpoLoss.compute(lp, c.behaviour(), c.reference(), c.advantages(),
          c.mask(), GrpoLoss.CLIP_EPSILON, BETA);
        collector.backward(r.loss());
      }
      float[] grad = lp.getGradient().toFloatArray();
      // clipped token: no policy gradient, and k3' = 1 − exp(ref − lp) = 0 at ref = lp
      assertThat(grad[0]).isCloseTo(0f, within(1e-6f));
      // (−r·A + β·(1 − 2)) / 2 tokens / 2 sequences = (−0.5 − 0.04) / 4
      assertThat(grad[1]).isCloseTo(-0.135f, within(1e-5f));
      // −r·A = 2, one token, two sequences
      assertThat(grad[2]).isCloseTo(1.0f, within(1e-5f));
      assertThat(grad[3]).isCloseTo(0f, within(1e-6f)); // padding
    }
  }

  @Test
  void shouldWeighEachSequencesKlByItsOwnBetaAndMatchTheScalarFormWhenAllAreEqual() {
    try (NDManager m = manager.newSubManager()) {
      Case c = goldenCase(m);
      GrpoLoss.Result scalar = GrpoLoss.compute(c.lp(), c.behaviour(), c.reference(), c.advantages(), c.mask(),
          GrpoLoss.CLIP_EPSILON, BETA);
      GrpoLoss.Result equal = GrpoLoss.compute(c.lp(), c.behaviour(), c.reference(), c.advantages(), c.mask(),
          GrpoLoss.CLIP_EPSILON, m.create(new float[] {BETA, BETA}));
      GrpoLoss.Result perSequence = GrpoLoss.compute(c.lp(), c.behaviour(), c.reference(), c.advantages(), c.mask(),
          GrpoLoss.CLIP_EPSILON, m.create(new float[] {0.5f, 0f}));

      assertThat(equal.loss().getFloat()).isEqualTo(scalar.loss().getFloat());
      assertThat(equal.sequenceKl()).containsExactly(scalar.sequenceKl());
      // Only sequence 1 has KL (k3 = K3_LN2 on its second token), now weighted 0.5.
      double expected = ((-1.2 + (-0.5 + 0.5 * K3_LN2)) / 2 + 2) / 2;
      assertThat(perSequence.loss().getFloat()).isCloseTo((float) expected, within(1e-5f));
      assertThat(perSequence.sequenceKl()[0]).isCloseTo((float) (K3_LN2 / 2), within(1e-6f));
      assertThat(perSequence.sequenceKl()[1]).isZero();
      assertThatThrownBy(() -> GrpoLoss.compute(c.lp(), c.behaviour(), c.reference(), c.advantages(), c.mask(),
          GrpoLoss.CLIP_EPSILON, m.create(new float[] {BETA}))).hasMessageContaining("klBetas");
    }
  }

  @Test
  void shouldRefuseMismatchedShapes() {
    try (NDManager m = manager.newSubManager()) {
      Case c = goldenCase(m);
      NDArray oneAdvantage = m.create(new float[] {1f});
      assertThatThrownBy(() -> GrpoLoss.compute(c.lp(), c.behaviour(), c.reference(), oneAdvantage,
          c.mask(), GrpoLoss.CLIP_EPSILON, BETA))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("advantages");
      NDArray flat = c.behaviour().reshape(4);
      assertThatThrownBy(() -> GrpoLoss.compute(c.lp(), flat, c.reference(), c.advantages(),
          c.mask(), GrpoLoss.CLIP_EPSILON, BETA))
          .hasMessageContaining("behaviourLogProbs");
    }
  }
}
