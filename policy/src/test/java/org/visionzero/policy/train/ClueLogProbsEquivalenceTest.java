package org.visionzero.policy.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.visionzero.game.view.TurnView;
import org.visionzero.policy.PolicyTurn;
import org.visionzero.policy.Vocabulary;
import org.visionzero.policy.model.ModelConfig;
import org.visionzero.policy.model.ParameterSet;
import org.visionzero.policy.model.TurnBatch;
import org.visionzero.policy.model.VzModel;
import org.visionzero.policy.model.VzNetwork;

/**
 * {@link SampleScorer#clueLogProbs} (gathered log-probs, no temperature op at temperature 1) gives the values and
 * gradients of the original form: logits times inverse temperature, log-softmax, one-hot product and sum.
 */
class ClueLogProbsEquivalenceTest {

  @Test
  void shouldMatchTheOneHotFormAtTemperatureOne() {
    check(1f);
  }

  @Test
  void shouldMatchTheOneHotFormAtAnotherTemperature() {
    check(0.8f);
  }

  private static void check(float temperature) {
    Vocabulary vocabulary = Vocabulary.standard();
    try (VzModel model = VzModel.create(ModelConfig.standard(vocabulary.size()), vocabulary, 31, Device.cpu())) {
      List<SampleScorer.ClueSample> batch = new ArrayList<>();
      for (SampleScorer.ClueSample s : ClueLogitsEquivalenceTest.batch(model, 12)) {
        TurnView v = s.turn().view();
        TurnView at = new TurnView(v.gameId(), v.turn(), v.attempt(), v.kind(), v.seat(), v.round(), v.role(),
            v.numPlayers(), v.image(), v.spyHint(), v.history(), v.ownReasoning(), v.samples(), temperature,
            v.samplingSeed(), v.policy());
        batch.add(new SampleScorer.ClueSample(new PolicyTurn(at, s.turn().image(), null), s.tokenIds()));
      }
      Result now = run(model, batch, false);
      Result before = run(model, batch, true);
      assertThat(ClueLogitsEquivalenceTest.maxAbsDiff(now.logProbs, before.logProbs)).isLessThan(1e-5);
      assertThat(now.gradients.keySet()).isEqualTo(before.gradients.keySet());
      for (String name : before.gradients.keySet()) {
        float[] a = now.gradients.get(name);
        float[] b = before.gradients.get(name);
        double scale = Math.max(1e-3, ClueLogitsEquivalenceTest.maxAbs(b));
        assertThat(ClueLogitsEquivalenceTest.maxAbsDiff(a, b) / scale).as("gradient of %s", name).isLessThan(1e-5);
      }
    }
  }

  private record Result(float[] logProbs, Map<String, float[]> gradients) {}

  private static Result run(VzModel model, List<SampleScorer.ClueSample> batch, boolean oneHotForm) {
    ParameterSet parameters = model.parameters();
    parameters.setTrainable(n -> !n.startsWith(ParameterSet.DECISION));
    try (NDManager m = model.newStepManager()) {
      float[] values;
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        SampleScorer.TokenLogProbs lp = oneHotForm ? oneHotForm(model, m, batch)
            : SampleScorer.captionLogProbs(model, m, batch);
        values = lp.logProbs().toFloatArray();
        collector.backward(lp.logProbs().sum().div(lp.mask().sum()).neg());
      }
      Map<String, float[]> gradients = new LinkedHashMap<>();
      for (String name : parameters.trainable()) {
        NDArray g = parameters.gradient(name);
        if (g != null) {
          try (g) {
            gradients.put(name, g.toFloatArray());
          }
        }
      }
      parameters.zeroGradients();
      return new Result(values, gradients);
    } finally {
      parameters.setTrainable(n -> true);
    }
  }

  /** The original computation of {@code SampleScorer.clueLogProbs}. */
  private static SampleScorer.TokenLogProbs oneHotForm(VzModel model, NDManager m, List<SampleScorer.ClueSample> batch) {
    int size = batch.size();
    int longest = 1;
    List<TurnBatch.Input> inputs = new ArrayList<>();
    for (SampleScorer.ClueSample s : batch) {
      inputs.add(new TurnBatch.Input(s.turn().view(), s.turn().image()));
      longest = Math.max(longest, s.tokenIds().size());
    }
    long[] targets = new long[size * longest];
    float[] mask = new float[targets.length];
    java.util.Arrays.fill(targets, Vocabulary.EOS_ID);
    for (int b = 0; b < size; b++) {
      List<Integer> ids = batch.get(b).tokenIds();
      for (int t = 0; t < ids.size(); t++) {
        targets[b * longest + t] = ids.get(t);
        mask[b * longest + t] = 1f;
      }
    }
    TurnBatch.Arrays in = new TurnBatch(model.config(), model.vocabulary(), inputs).toArrays(m);
    NDArray targetArray = m.create(targets, new Shape(size, longest));
    VzNetwork net = model.network();
    NDArray logits = net.clueLogits(net.encode(in.images()), in, targetArray);
    float[] inv = new float[size];
    for (int i = 0; i < size; i++) {
      float t = inputs.get(i).view().temperature();
      inv[i] = t > 0 ? 1f / t : 1f;
    }
    NDArray scaled = logits.mul(m.create(inv).reshape(size, 1, 1));
    NDArray logProbs = scaled.logSoftmax(2)
        .mul(targetArray.oneHot(model.config().vocabSize(), DataType.FLOAT32)).sum(new int[] {2});
    NDArray maskArray = m.create(mask, new Shape(size, longest));
    return new SampleScorer.TokenLogProbs(logProbs.mul(maskArray), maskArray);
  }
}
