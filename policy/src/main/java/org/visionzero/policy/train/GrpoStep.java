package org.visionzero.policy.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.visionzero.policy.model.VzModel;
import org.visionzero.policy.runtime.NoGrad;

/**
 * One GRPO optimiser step on scored samples, for the trainer: recompute the sampled tokens' log-probs under
 * the policy (with gradient) and under the frozen reference, apply {@link GrpoLoss}, back-propagate, clip and
 * update with {@link AdamW}. Clue and decision samples each form their own loss term and the terms are added;
 * Iterative-SPO selects a phase by passing only that phase's samples.
 *
 * <p>Only one {@code GradientCollector} may be open per JVM: do not run two steps at once.
 */
public final class GrpoStep implements AutoCloseable {
  private final VzModel policy;
  private final VzModel reference;
  private final List<String> trainable;
  private final AdamW optimizer;
  private final float clipEpsilon;
  private final float klBeta;

  /** A clue sample with what the worker recorded and the advantage the trainer computed. */
  public record ClueItem(SampleScorer.ClueSample sample, float[] behaviourLogProbs, float advantage) {
    public ClueItem {
      if (behaviourLogProbs.length != sample.tokenIds().size()) {
        throw new IllegalArgumentException("one behaviour log-prob per token: " + behaviourLogProbs.length + " for "
            + sample.tokenIds().size() + " tokens");
      }
      behaviourLogProbs = behaviourLogProbs.clone();
    }
  }

  /** A decision sample with its behaviour log-prob and advantage. */
  public record DecisionItem(SampleScorer.DecisionSample sample, float behaviourLogProb, float advantage) {}

  /**
   * What the step did.
   *
   * @param applied false when the gradient was not finite and no weight changed
   */
  public record Result(double loss, double kl, double clipFraction, double gradNorm, boolean applied) {}

  /**
   * @param policy      the model to train (its trainable parameters are set here)
   * @param reference   the frozen reference (e.g. v0); never updated
   * @param trainable   which parameters to train, by name (e.g. {@code n -> n.startsWith("decision.")})
   * @param weightDecay AdamW decoupled weight decay
   * @param clipNorm    global gradient-norm clip (1.0 in the paper)
   */
  public GrpoStep(VzModel policy, VzModel reference, Predicate<String> trainable, float weightDecay, float clipNorm) {
    this(policy, reference, trainable, weightDecay, clipNorm, GrpoLoss.CLIP_EPSILON, GrpoLoss.KL_BETA);
  }

  public GrpoStep(VzModel policy, VzModel reference, Predicate<String> trainable, float weightDecay, float clipNorm,
      float clipEpsilon, float klBeta) {
    if (!policy.config().equals(reference.config())) {
      throw new IllegalArgumentException("policy and reference must share an architecture");
    }
    this.policy = policy;
    this.reference = reference;
    policy.parameters().setTrainable(trainable);
    reference.parameters().setTrainable(n -> false);
    this.trainable = policy.parameters().names(trainable);
    this.optimizer = new AdamW(policy.newStepManager(), weightDecay, clipNorm);
    this.clipEpsilon = clipEpsilon;
    this.klBeta = klBeta;
  }

  /** One update over the given samples at learning rate {@code lr}. */
  public Result step(List<ClueItem> clues, List<DecisionItem> decisions, float lr) {
    if (clues.isEmpty() && decisions.isEmpty()) {
      throw new IllegalArgumentException("a GRPO step needs at least one sample");
    }
    float[] clueReference = clues.isEmpty() ? null : referenceClues(clues);
    float[] decisionReference = decisions.isEmpty() ? null : referenceDecisions(decisions);
    double loss = 0;
    double kl = 0;
    double clipped = 0;
    int terms = 0;
    try (NDManager m = policy.newStepManager()) {
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray total = null;
        if (!clues.isEmpty()) {
          SampleScorer.TokenLogProbs lp = SampleScorer.clueLogProbs(policy, m, samplesOf(clues));
          Shape shape = lp.logProbs().getShape();
          GrpoLoss.Result r = GrpoLoss.compute(lp.logProbs(), m.create(behaviourOf(clues, shape), shape),
              m.create(clueReference, shape), m.create(advantagesOf(clues)), lp.mask(), clipEpsilon, klBeta);
          total = r.loss();
          kl += r.kl();
          clipped += r.clipFraction();
          terms++;
        }
        if (!decisions.isEmpty()) {
          SampleScorer.TokenLogProbs lp = SampleScorer.decisionLogProbs(policy, m, decisionSamplesOf(decisions));
          Shape shape = lp.logProbs().getShape();
          float[] behaviour = new float[decisions.size()];
          float[] advantages = new float[decisions.size()];
          for (int i = 0; i < behaviour.length; i++) {
            behaviour[i] = decisions.get(i).behaviourLogProb();
            advantages[i] = decisions.get(i).advantage();
          }
          GrpoLoss.Result r = GrpoLoss.compute(lp.logProbs(), m.create(behaviour, shape),
              m.create(decisionReference, shape), m.create(advantages), lp.mask(), clipEpsilon, klBeta);
          total = total == null ? r.loss() : total.add(r.loss());
          kl += r.kl();
          clipped += r.clipFraction();
          terms++;
        }
        collector.backward(total);
        loss = total.getFloat();
      }
      double norm = optimizer.step(policy.parameters(), trainable, lr);
      boolean applied = Double.isFinite(norm) && Double.isFinite(loss);
      return new Result(loss, kl / terms, clipped / terms, norm, applied);
    }
  }

  private float[] referenceClues(List<ClueItem> clues) {
    try (NoGrad noGrad = NoGrad.enter(); NDManager m = reference.newStepManager()) {
      return SampleScorer.clueLogProbs(reference, m, samplesOf(clues)).logProbs().toFloatArray();
    }
  }

  private float[] referenceDecisions(List<DecisionItem> decisions) {
    try (NoGrad noGrad = NoGrad.enter(); NDManager m = reference.newStepManager()) {
      return SampleScorer.decisionLogProbs(reference, m, decisionSamplesOf(decisions)).logProbs().toFloatArray();
    }
  }

  private static List<SampleScorer.ClueSample> samplesOf(List<ClueItem> clues) {
    List<SampleScorer.ClueSample> out = new ArrayList<>(clues.size());
    clues.forEach(c -> out.add(c.sample()));
    return out;
  }

  private static List<SampleScorer.DecisionSample> decisionSamplesOf(List<DecisionItem> decisions) {
    List<SampleScorer.DecisionSample> out = new ArrayList<>(decisions.size());
    decisions.forEach(d -> out.add(d.sample()));
    return out;
  }

  private static float[] behaviourOf(List<ClueItem> clues, Shape shape) {
    int width = Math.toIntExact(shape.get(1));
    float[] out = new float[clues.size() * width]; // padding stays 0, finite, and is masked out
    for (int i = 0; i < clues.size(); i++) {
      float[] lp = clues.get(i).behaviourLogProbs();
      System.arraycopy(lp, 0, out, i * width, lp.length);
    }
    return out;
  }

  private static float[] advantagesOf(List<ClueItem> clues) {
    float[] out = new float[clues.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = clues.get(i).advantage();
    }
    return out;
  }

  /** Number of optimiser updates applied so far. */
  public long updates() {
    return optimizer.steps();
  }

  @Override
  public void close() {
    optimizer.close();
  }
}
