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
}
