package org.visionzero.policy.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.visionzero.policy.Vocabulary;
import org.visionzero.policy.model.ModelConfig;
import org.visionzero.policy.model.ParameterSet;
import org.visionzero.policy.model.VzModel;
import org.visionzero.policy.testing.TestModels;

/** The fused {@link AdamW} makes the updates of the per-parameter form ({@link LegacyAdamW}), to float rounding. */
class AdamWFusedTest {
  private static final int STEPS = 6;

  @Test
  void shouldMatchThePerParameterUpdateOverPretrainingSteps() {
    Vocabulary vocabulary = Vocabulary.standard();
    ModelConfig config = ModelConfig.standard(vocabulary.size());
    try (VzModel fused = VzModel.create(config, vocabulary, 21, Device.cpu());
        VzModel legacy = VzModel.create(config, vocabulary, 21, Device.cpu())) {
      List<SampleScorer.ClueSample> batch = ClueLogitsEquivalenceTest.batch(fused, 16);
      // What pretraining trains: the echo logits learn at their own scaled rate, which the legacy form lacks.
      List<String> names = fused.parameters().names(
          n -> !n.startsWith(ParameterSet.DECISION) && !n.equals(ParameterSet.ECHO_LOGITS));
      fused.parameters().setTrainable(n -> !n.startsWith(ParameterSet.DECISION));
      legacy.parameters().setTrainable(n -> !n.startsWith(ParameterSet.DECISION));
      // clip 0.5 so that clipping acts, weight decay on, a large learning rate so differences would show
      try (AdamW a = new AdamW(fused.newStepManager(), 1e-2f, 0.5f);
          LegacyAdamW b = new LegacyAdamW(legacy.newStepManager(), 1e-2f, 0.5f)) {
        for (int s = 0; s < STEPS; s++) {
          double normA = lossStep(fused, batch, (p, lr) -> a.step(p, names, lr));
          double normB = lossStep(legacy, batch, (p, lr) -> b.step(p, names, lr));
          assertThat(normA).isCloseTo(normB, org.assertj.core.api.Assertions.withinPercentage(1e-3));
          assertSameWeights(fused.parameters(), legacy.parameters());
        }
        assertThat(AdamWTest.steps(a)).isEqualTo(b.steps()).isEqualTo(STEPS);
      }
    }
  }

  @Test
  void shouldKeepMomentsWhenAParameterGetsItsFirstGradientLater() {
    Vocabulary vocabulary = Vocabulary.standard();
    ModelConfig config = ModelConfig.standard(vocabulary.size());
    try (VzModel fused = VzModel.create(config, vocabulary, 22, Device.cpu());
        VzModel legacy = VzModel.create(config, vocabulary, 22, Device.cpu())) {
      List<String> names = List.of("decision.abstain", "decision.score2.b", "decision.score2.w");
      fused.parameters().setTrainable(names::contains);
      legacy.parameters().setTrainable(names::contains);
      try (AdamW a = new AdamW(fused.newStepManager(), 1e-3f, 1f);
          LegacyAdamW b = new LegacyAdamW(legacy.newStepManager(), 1e-3f, 1f)) {
        for (int s = 0; s < 5; s++) {
          int used = s < 2 ? 1 : s < 4 ? 2 : 3; // the layout grows at steps 2 and 4
          quadraticStep(fused, names.subList(0, used), (p, lr) -> a.step(p, names, lr));
          quadraticStep(legacy, names.subList(0, used), (p, lr) -> b.step(p, names, lr));
          assertSameWeights(fused.parameters(), legacy.parameters());
        }
      }
    }
  }

  @Test
  void shouldKeepTheMomentsOfParametersThatAStepLeavesOut() {
    try (VzModel fused = TestModels.standard(23); VzModel legacy = TestModels.standard(23)) {
      // Iterative-SPO alternates the parts it trains: each phase's moments must survive the other phase's steps.
      List<String> clue = List.of("decision.score2.b", "decision.score2.w");
      List<String> decision = List.of("decision.abstain", "decision.score2.b");
      fused.parameters().setTrainable(n -> clue.contains(n) || decision.contains(n));
      legacy.parameters().setTrainable(n -> clue.contains(n) || decision.contains(n));
      try (AdamW a = new AdamW(fused.newStepManager(), 1e-3f, 1f);
          LegacyAdamW b = new LegacyAdamW(legacy.newStepManager(), 1e-3f, 1f)) {
        for (int s = 0; s < 6; s++) {
          List<String> names = s % 2 == 0 ? decision : clue;
          quadraticStep(fused, names, (p, lr) -> a.step(p, names, lr));
          quadraticStep(legacy, names, (p, lr) -> b.step(p, names, lr));
          assertSameWeights(fused.parameters(), legacy.parameters());
        }
      }
    }
  }

  @Test
  void shouldSumSquaresInDoubleWhateverTheLength() {
    assertThat(Math.sqrt(AdamW.sumOfSquares(new float[] {3e20f, 4e20f})))
        .isCloseTo(5e20, org.assertj.core.api.Assertions.withinPercentage(1e-4)); // overflows in float
    assertThat(AdamW.sumOfSquares(new float[] {1, 2, 3, 4, 5, 6, 7})).isEqualTo(140.0);
    assertThat(AdamW.sumOfSquares(new float[0])).isZero();
  }

  private static double lossStep(VzModel model, List<SampleScorer.ClueSample> batch,
      BiFunction<ParameterSet, Float, Double> step) {
    try (NDManager m = model.newStepManager()) {
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        SampleScorer.TokenLogProbs lp = SampleScorer.captionLogProbs(model, m, batch);
        collector.backward(lp.logProbs().sum().div(lp.mask().sum()).neg());
      }
      return step.apply(model.parameters(), 1e-2f);
    }
  }

  private static void quadraticStep(VzModel model, List<String> used, BiFunction<ParameterSet, Float, Double> step) {
    try (NDManager m = model.newStepManager()) {
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray loss = m.zeros(new ai.djl.ndarray.types.Shape(1));
        for (String name : used) {
          loss = loss.add(m.zeros(new ai.djl.ndarray.types.Shape(1)).add(model.parameters().get(name).sum())
              .sub(1.5f).square());
        }
        collector.backward(loss.sum());
      }
      step.apply(model.parameters(), 0.05f);
    }
  }

  private static void assertSameWeights(ParameterSet a, ParameterSet b) {
    for (String name : a.names()) {
      float[] x = a.get(name).toFloatArray();
      float[] y = b.get(name).toFloatArray();
      assertThat(ClueLogitsEquivalenceTest.maxAbsDiff(x, y)).as("weights of %s", name).isLessThan(1e-5);
    }
  }
}
