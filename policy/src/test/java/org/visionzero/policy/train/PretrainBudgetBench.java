package org.visionzero.policy.train;

import ai.djl.Device;
import java.time.Duration;
import java.util.Locale;
import org.visionzero.policy.Vocabulary;
import org.visionzero.policy.model.ModelConfig;
import org.visionzero.policy.model.VzModel;
import org.visionzero.policy.testing.TestSceneDrawer;

/**
 * A short pretraining run at a given learning rate and batch size, judged by held-out caption token accuracy after
 * the same wall time. Not a test: {@code java -cp ... org.visionzero.policy.train.PretrainBudgetBench seconds lr batch}.
 */
public final class PretrainBudgetBench {
  private PretrainBudgetBench() {}

  public static void main(String[] args) {
    int seconds = Integer.parseInt(args[0]);
    float lr = Float.parseFloat(args[1]);
    int batch = Integer.parseInt(args[2]);
    int heldOut = args.length > 3 ? Integer.parseInt(args[3]) : 256;
    org.visionzero.policy.runtime.DjlRuntime.init();
    Vocabulary vocabulary = Vocabulary.standard();
    TestSceneDrawer source = new TestSceneDrawer();
    try (VzModel model = VzModel.create(ModelConfig.standard(vocabulary.size()), vocabulary, 1, Device.cpu())) {
      PretrainOptions options = new PretrainOptions(1L, batch, 1_000_000, Duration.ofSeconds(seconds), lr, heldOut, 1,
          PretrainOptions.DEFAULT_POOL, "cpu", null);
      Pretrainer.TrainingSummary summary = Pretrainer.train(model, options, source, (d, s, l, e) -> { });
      double accuracy = Pretrainer.captionAccuracy(model, source, Pretrainer.HELD_OUT_SEED_BASE, heldOut);
      System.out.println(String.format(Locale.ROOT,
          "budget %d s lr %.4f batch %d: %d steps (%.1f ms/step), final loss %.3f, held-out token accuracy %.3f",
          seconds, lr, batch, summary.steps(), summary.time().toNanos() / 1e6 / summary.steps(), summary.finalLoss(),
          accuracy));
    }
  }
}
