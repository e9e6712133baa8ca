package org.visionzero.policy.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.visionzero.policy.Vocabulary;
import org.visionzero.policy.model.ModelConfig;
import org.visionzero.policy.model.ParameterSet;
import org.visionzero.policy.model.VzModel;
import org.visionzero.policy.testing.TestSceneDrawer;

/**
 * Times one pretraining step on a fixed batch, phase by phase (batch preparation, forward, backward, optimiser).
 * Not a test: run it with {@code java -cp ... org.visionzero.policy.train.PretrainStepBench [steps] [threads...]}
 * so that the environment (e.g. {@code OMP_WAIT_POLICY}) is the caller's. Variants alternate in blocks in the
 * same process, so load from other processes hits them alike.
 */
public final class PretrainStepBench {
  private PretrainStepBench() {}

  /** Mean milliseconds per phase over the measured steps. */
  record Phases(double prep, double forward, double backward, double optimiser, double cpu) {
    double total() {
      return prep + forward + backward + optimiser;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "prep %.1f fwd %.1f bwd %.1f opt %.1f total %.1f ms (process CPU %.1f ms)",
          prep, forward, backward, optimiser, total(), cpu);
    }
  }

  /** Runs {@code steps} training steps on the same batch of {@code pairs}; returns mean phase times. */
  static Phases time(VzModel model, List<CaptionExample> pairs, int batchSize, int steps, boolean legacyAdam) {
    ParameterSet parameters = model.parameters();
    List<String> trainable = parameters.names(n -> !n.startsWith(ParameterSet.DECISION));
    parameters.setTrainable(n -> !n.startsWith(ParameterSet.DECISION));
    SplittableRandom random = new SplittableRandom(7);
    long prep = 0;
    long fwd = 0;
    long bwd = 0;
    long opt = 0;
    AutoCloseable optimiserResource;
    AdamW adam = legacyAdam ? null : new AdamW(model.newStepManager(), 1e-4f, 1f);
    LegacyAdamW legacy = legacyAdam ? new LegacyAdamW(model.newStepManager(), 1e-4f, 1f) : null;
    optimiserResource = legacyAdam ? legacy : adam;
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    try (AutoCloseable ignored = optimiserResource) {
      for (int s = 0; s < steps; s++) {
        long t0 = System.nanoTime();
        List<SampleScorer.ClueSample> batch = new ArrayList<>(batchSize);
        for (int i = 0; i < batchSize; i++) {
          batch.add(Pretrainer.example(model, pairs.get(random.nextInt(pairs.size())), random, 0));
        }
        long tp = System.nanoTime();
        prep += tp - t0;
        t0 = tp;
        try (NDManager m = model.newStepManager()) {
          long t1;
          long t2;
          try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            SampleScorer.TokenLogProbs lp = legacyAdam ? referenceLogProbs(model, m, batch)
                : SampleScorer.captionLogProbs(model, m, batch);
            NDArray loss = lp.logProbs().sum().div(lp.mask().sum()).neg();
            loss.getFloat();
            t1 = System.nanoTime();
            collector.backward(loss);
            t2 = System.nanoTime();
          }
          if (legacyAdam) {
            legacy.step(parameters, trainable, 1e-4f);
          } else {
            adam.step(parameters, trainable, 1e-4f);
          }
          long t3 = System.nanoTime();
          fwd += t1 - t0;
          bwd += t2 - t1;
          opt += t3 - t2;
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      parameters.setTrainable(n -> true);
    }
    return new Phases(prep / 1e6 / steps, fwd / 1e6 / steps, bwd / 1e6 / steps, opt / 1e6 / steps,
        (os.getProcessCpuTime() - cpu0) / 1e6 / steps);
  }

  /** {@link SampleScorer#clueLogProbs} with the original step-by-step decoder ({@link ReferenceDecoder}). */
  static SampleScorer.TokenLogProbs referenceLogProbs(VzModel model, NDManager m, List<SampleScorer.ClueSample> batch) {
    List<org.visionzero.policy.model.TurnBatch.Input> inputs = new ArrayList<>();
    int longest = 1;
    for (SampleScorer.ClueSample s : batch) {
      inputs.add(new org.visionzero.policy.model.TurnBatch.Input(s.turn().view(), s.turn().image()));
      longest = Math.max(longest, s.tokenIds().size());
    }
    long[] targets = new long[batch.size() * longest];
    float[] mask = new float[targets.length];
    java.util.Arrays.fill(targets, Vocabulary.EOS_ID);
    for (int b = 0; b < batch.size(); b++) {
      List<Integer> ids = batch.get(b).tokenIds();
      for (int t = 0; t < ids.size(); t++) {
        targets[b * longest + t] = ids.get(t);
        mask[b * longest + t] = 1f;
      }
    }
    org.visionzero.policy.model.TurnBatch.Arrays in =
        new org.visionzero.policy.model.TurnBatch(model.config(), model.vocabulary(), inputs).toArrays(m);
    ai.djl.ndarray.types.Shape shape = new ai.djl.ndarray.types.Shape(batch.size(), longest);
    NDArray targetArray = m.create(targets, shape);
    NDArray logits = new ReferenceDecoder(model.config(), model.parameters())
        .clueLogits(model.network().encode(in.images()), in, targetArray);
    NDArray logProbs = logits.logSoftmax(2)
        .mul(targetArray.oneHot(model.config().vocabSize(), ai.djl.ndarray.types.DataType.FLOAT32)).sum(new int[] {2});
    NDArray maskArray = m.create(mask, shape);
    return new SampleScorer.TokenLogProbs(logProbs.mul(maskArray), maskArray);
  }

  /** Forward and forward+backward time of the encoder alone and of the whole loss, on one fixed batch of 64. */
  static String parts(VzModel model, List<CaptionExample> pairs, int steps) {
    ParameterSet parameters = model.parameters();
    parameters.setTrainable(n -> !n.startsWith(ParameterSet.DECISION));
    SplittableRandom random = new SplittableRandom(7);
    List<SampleScorer.ClueSample> batch = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      batch.add(Pretrainer.example(model, pairs.get(random.nextInt(pairs.size())), random, 0));
    }
    long encF = 0;
    long encB = 0;
    long allF = 0;
    long allB = 0;
    for (int s = 0; s < steps; s++) {
      try (NDManager m = model.newStepManager()) {
        List<org.visionzero.policy.model.TurnBatch.Input> inputs = new ArrayList<>();
        batch.forEach(c -> inputs.add(new org.visionzero.policy.model.TurnBatch.Input(c.turn().view(), c.turn().image())));
        org.visionzero.policy.model.TurnBatch.Arrays in =
            new org.visionzero.policy.model.TurnBatch(model.config(), model.vocabulary(), inputs).toArrays(m);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
          long t0 = System.nanoTime();
          var e = model.network().encode(in.images());
          NDArray loss = e.global().sum().add(e.featureMap().sum());
          loss.getFloat();
          long t1 = System.nanoTime();
          collector.backward(loss);
          long t2 = System.nanoTime();
          encF += t1 - t0;
          encB += t2 - t1;
        }
        parameters.zeroGradients();
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
          long t0 = System.nanoTime();
          SampleScorer.TokenLogProbs lp = SampleScorer.captionLogProbs(model, m, batch);
          NDArray loss = lp.logProbs().sum().div(lp.mask().sum()).neg();
          loss.getFloat();
          long t1 = System.nanoTime();
          collector.backward(loss);
          long t2 = System.nanoTime();
          allF += t1 - t0;
          allB += t2 - t1;
        }
        parameters.zeroGradients();
      }
    }
    parameters.setTrainable(n -> true);
    return String.format(Locale.ROOT, "encoder fwd %.1f bwd %.1f | whole loss fwd %.1f bwd %.1f ms", encF / 1e6 / steps,
        encB / 1e6 / steps, allF / 1e6 / steps, allB / 1e6 / steps);
  }

  /** Scaled pairs, as the example pool holds them. */
  static List<CaptionExample> pairs(int count, int imageSize) {
    TestSceneDrawer drawer = new TestSceneDrawer();
    List<CaptionExample> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      CaptionExample p = drawer.next(1000 + i);
      out.add(new CaptionExample(org.visionzero.policy.model.ImageTensors.scale(p.original(), imageSize),
          org.visionzero.policy.model.ImageTensors.scale(p.modified(), imageSize), p.facts()));
    }
    return out;
  }

  /** CPU milliseconds the renderer thread spends per pair, and pairs per second it can make. */
  static String rendererCost(int pairs) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    TestSceneDrawer drawer = new TestSceneDrawer();
    long c0 = mx.getCurrentThreadCpuTime();
    long w0 = System.nanoTime();
    for (int i = 0; i < pairs; i++) {
      CaptionExample p = drawer.next(5000 + i);
      org.visionzero.policy.model.ImageTensors.scale(p.original(), 64);
      org.visionzero.policy.model.ImageTensors.scale(p.modified(), 64);
    }
    double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e6 / pairs;
    double wall = (System.nanoTime() - w0) / 1e6 / pairs;
    return String.format(Locale.ROOT, "renderer: %.2f ms CPU / %.2f ms wall per pair (%d pairs)", cpu, wall, pairs);
  }

  public static void main(String[] args) {
    int steps = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    String mode = args.length > 1 ? args[1] : "adam";
    org.visionzero.policy.runtime.DjlRuntime.init();
    Vocabulary vocabulary = Vocabulary.standard();
    ModelConfig config = ModelConfig.standard(vocabulary.size());
    System.out.println("vocab " + vocabulary.size() + " OMP_WAIT_POLICY=" + System.getenv("OMP_WAIT_POLICY")
        + " threads " + JniUtils.getNumThreads() + "/" + JniUtils.getNumInteropThreads());
    List<CaptionExample> pairs = pairs(256, config.imageSize());
    System.out.println(rendererCost(64));
    try (VzModel model = VzModel.create(config, vocabulary, 1, Device.cpu())) {
      int batchSize = Integer.getInteger("batch", 64);
      time(model, pairs, batchSize, 5, false); // warm-up
      for (int round = 0; round < 3; round++) {
        switch (mode) {
          case "threads" -> {
            for (int threads : new int[] {1, 2}) {
              JniUtils.setNumThreads(threads);
              System.out.println("threads " + threads + ": " + time(model, pairs, batchSize, steps, false));
            }
            JniUtils.setNumThreads(2);
          }
          case "adam" -> {
            System.out.println("before (step-by-step decoder, per-parameter AdamW): " + time(model, pairs, batchSize, steps, true));
            System.out.println("after  (fused decoder, fused AdamW):                " + time(model, pairs, batchSize, steps, false));
          }
          case "parts" -> System.out.println(parts(model, pairs, steps));
          default -> System.out.println("current: " + time(model, pairs, batchSize, steps, false));
        }
      }
    }
  }
}
