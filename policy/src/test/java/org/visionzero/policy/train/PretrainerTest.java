package org.visionzero.policy.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.visionzero.policy.Vocabulary;
import org.visionzero.policy.model.ModelConfig;
import org.visionzero.policy.model.ParameterSet;
import org.visionzero.policy.model.VzModel;
import org.visionzero.policy.testing.TestSceneDrawer;

class PretrainerTest {
  private static final int STEPS = 25;

  @Test
  void shouldLowerCaptionLossAndLeaveDecisionHeadUntouched() {
    Vocabulary vocabulary = Vocabulary.standard();
    try (VzModel model = VzModel.create(ModelConfig.standard(vocabulary.size()), vocabulary, 4, Device.cpu())) {
      List<float[]> decisionBefore = new ArrayList<>();
      List<String> decisionNames = model.parameters().names(n -> n.startsWith(ParameterSet.DECISION));
      decisionNames.forEach(n -> decisionBefore.add(model.parameters().get(n).toFloatArray()));
      List<Double> losses = new ArrayList<>();
      PretrainOptions options = new PretrainOptions(2L, 16, STEPS, Duration.ofMinutes(1), 3e-3f, 1, 1, "cpu", null);

      Pretrainer.TrainingSummary summary = Pretrainer.train(model, options, new TestSceneDrawer(),
          (done, step, loss, elapsed) -> losses.add(loss));

      assertThat(summary.steps()).isEqualTo(STEPS);
      assertThat(summary.skippedSteps()).isZero();
      double uniform = Math.log(vocabulary.size() - 3.0); // pad, bos and unk are never generated
      assertThat(losses.get(0)).isGreaterThan(uniform - 0.3);
      assertThat(summary.finalLoss()).isLessThan(uniform - 1.0);
      for (int i = 0; i < decisionNames.size(); i++) {
        assertThat(model.parameters().get(decisionNames.get(i)).toFloatArray()).containsExactly(decisionBefore.get(i));
      }
    }
  }

  @Test
  void shouldCutPartialCaptionsAfterAtLeastOneObjectAndBeforeTheLast() {
    Vocabulary vocabulary = Vocabulary.standard();
    TestSceneDrawer drawer = new TestSceneDrawer();
    try (VzModel model = VzModel.create(ModelConfig.standard(vocabulary.size()), vocabulary, 4, Device.cpu())) {
      java.util.SplittableRandom random = new java.util.SplittableRandom(3);
      int shorter = 0;
      for (long seed = 0; seed < 40; seed++) {
        CaptionExample pair = drawer.next(seed);
        SampleScorer.ClueSample full = Pretrainer.example(model, pair, new java.util.SplittableRandom(seed), 0);
        SampleScorer.ClueSample cut = Pretrainer.example(model, pair, random, 1);
        List<Integer> all = Pretrainer.captionTokens(vocabulary,
            pair.facts().captionWords(cut.turn().view().role() == org.visionzero.events.Role.SPY), model.config());
        List<Integer> tokens = cut.tokenIds();
        assertThat(tokens.get(tokens.size() - 1)).isEqualTo(Vocabulary.EOS_ID);
        assertThat(tokens.size() - 1).isGreaterThanOrEqualTo(2).isEven(); // whole objects, at least one
        assertThat(all.subList(0, tokens.size() - 1)).isEqualTo(tokens.subList(0, tokens.size() - 1));
        shorter += tokens.size() < all.size() ? 1 : 0;
        boolean fullIsSpy = full.turn().view().role() == org.visionzero.events.Role.SPY;
        assertThat(full.tokenIds()) // share 0: every object, as before
            .isEqualTo(Pretrainer.captionTokens(vocabulary, pair.facts().captionWords(fullIsSpy), model.config()));
      }
      assertThat(shorter).isEqualTo(40); // every test scene has at least two objects
    }
  }
}
