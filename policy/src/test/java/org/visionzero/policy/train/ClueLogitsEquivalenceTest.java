package org.visionzero.policy.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.visionzero.policy.Vocabulary;
import org.visionzero.policy.model.ModelConfig;
import org.visionzero.policy.model.ParameterSet;
import org.visionzero.policy.model.TurnBatch;
import org.visionzero.policy.model.VzModel;
import org.visionzero.policy.model.VzNetwork;

/**
 * The fused teacher-forced decoder ({@code VzNetwork.clueLogits}: gathered embeddings, state-independent input
 * projections and the output layer computed once for all steps) gives the logits and gradients of the original
 * step-by-step form ({@link ReferenceDecoder}), to float rounding.
 */
class ClueLogitsEquivalenceTest {
  private static final int BATCH = 24;

  @Test
  void shouldGiveTheLogitsAndGradientsOfTheStepByStepDecoder() {
    Vocabulary vocabulary = Vocabulary.standard();
    try (VzModel model = VzModel.create(ModelConfig.standard(vocabulary.size()), vocabulary, 11, Device.cpu())) {
      List<SampleScorer.ClueSample> batch = batch(model, BATCH);
      ReferenceDecoder reference = new ReferenceDecoder(model.config(), model.parameters());
      Result fused = run(model, batch, (c) -> c.net.clueLogits(c.encoded, c.in, c.targets));
      Result original = run(model, batch, (c) -> reference.clueLogits(c.encoded, c.in, c.targets));

      assertThat(fused.logits.length).isEqualTo(original.logits.length);
      assertThat(maxAbsDiff(fused.logits, original.logits)).isLessThan(1e-5);
      assertThat(fused.gradients.keySet()).isEqualTo(original.gradients.keySet());
      for (String name : original.gradients.keySet()) {
        float[] a = fused.gradients.get(name);
        float[] b = original.gradients.get(name);
        double scale = Math.max(1e-3, maxAbs(b));
        assertThat(maxAbsDiff(a, b) / scale).as("gradient of %s", name).isLessThan(1e-5);
      }
    }
  }

  @Test
  void shouldHandleASingleStep() {
    Vocabulary vocabulary = Vocabulary.standard();
    try (VzModel model = VzModel.create(ModelConfig.standard(vocabulary.size()), vocabulary, 12, Device.cpu());
        NDManager m = model.newStepManager()) {
      List<SampleScorer.ClueSample> batch = batch(model, 3);
      List<TurnBatch.Input> inputs = new ArrayList<>();
      batch.forEach(s -> inputs.add(new TurnBatch.Input(s.turn().view(), s.turn().image())));
      TurnBatch.Arrays in = new TurnBatch(model.config(), vocabulary, inputs).toArrays(m);
      NDArray targets = m.create(new long[] {5, 6, Vocabulary.EOS_ID}, new Shape(3, 1));
      VzNetwork.Encoded encoded = model.network().encode(in.images());
      float[] fused = model.network().clueLogits(encoded, in, targets).toFloatArray();
      float[] original = new ReferenceDecoder(model.config(), model.parameters()).clueLogits(encoded, in, targets)
          .toFloatArray();
      assertThat(maxAbsDiff(fused, original)).isLessThan(1e-5);
    }
  }

  private record Context(VzNetwork net, VzNetwork.Encoded encoded, TurnBatch.Arrays in, NDArray targets) {}

  private record Result(float[] logits, Map<String, float[]> gradients) {}

  private static Result run(VzModel model, List<SampleScorer.ClueSample> batch, Function<Context, NDArray> logitsOf) {
    ParameterSet parameters = model.parameters();
    parameters.setTrainable(n -> !n.startsWith(ParameterSet.DECISION));
    try (NDManager m = model.newStepManager()) {
      List<TurnBatch.Input> inputs = new ArrayList<>();
      int longest = 1;
      for (SampleScorer.ClueSample s : batch) {
        inputs.add(new TurnBatch.Input(s.turn().view(), s.turn().image()));
        longest = Math.max(longest, s.tokenIds().size());
      }
      long[] targets = new long[batch.size() * longest];
      java.util.Arrays.fill(targets, Vocabulary.EOS_ID);
      for (int b = 0; b < batch.size(); b++) {
        List<Integer> ids = batch.get(b).tokenIds();
        for (int t = 0; t < ids.size(); t++) {
          targets[b * longest + t] = ids.get(t);
        }
      }
      float[] logits;
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        TurnBatch.Arrays in = new TurnBatch(model.config(), model.vocabulary(), inputs).toArrays(m);
        NDArray targetArray = m.create(targets, new Shape(batch.size(), longest));
        VzNetwork net = model.network();
        NDArray out = logitsOf.apply(new Context(net, net.encode(in.images()), in, targetArray));
        logits = out.toFloatArray();
        // A loss that weighs every logit differently, so every gradient path is exercised.
        float[] w = new float[Math.toIntExact(out.getShape().size())];
        SplittableRandom random = new SplittableRandom(9);
        for (int i = 0; i < w.length; i++) {
          w[i] = (float) (random.nextDouble() * 2 - 1);
        }
        NDArray weights = m.create(w, out.getShape());
        NDArray loss = out.logSoftmax(2).mul(weights).sum();
        collector.backward(loss);
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
      return new Result(logits, gradients);
    } finally {
      parameters.setTrainable(n -> true);
    }
  }

  static List<SampleScorer.ClueSample> batch(VzModel model, int size) {
    List<CaptionExample> pairs = PretrainStepBench.pairs(size, model.config().imageSize());
    SplittableRandom random = new SplittableRandom(5);
    List<SampleScorer.ClueSample> out = new ArrayList<>();
    for (CaptionExample pair : pairs) {
      out.add(Pretrainer.example(model, pair, random, 0));
    }
    return out;
  }

  static double maxAbsDiff(float[] a, float[] b) {
    double max = 0;
    for (int i = 0; i < a.length; i++) {
      max = Math.max(max, Math.abs((double) a[i] - b[i]));
    }
    return max;
  }

  static double maxAbs(float[] a) {
    double max = 0;
    for (float f : a) {
      max = Math.max(max, Math.abs(f));
    }
    return max;
  }
}
