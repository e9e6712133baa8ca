package org.visionzero.policy.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.visionzero.events.Role;
import org.visionzero.policy.model.ParameterSet;
import org.visionzero.policy.model.VzModel;
import org.visionzero.policy.runtime.NoGrad;

/**
 * The one GRPO update of the project, for the trainer and the policy's own tests and benchmark: recompute the sampled
 * tokens' log-probs under the policy (with gradient) and under the frozen reference, apply {@link GrpoLoss},
 * back-propagate ({@link #compute}), then clip and update with {@link AdamW} or discard ({@link Update}). Clue and
 * decision samples each form their own loss term and the terms are added; Iterative-SPO selects a phase by passing
 * only that phase's samples and, with {@link #train}, the parameters that phase trains. The optimiser's state goes
 * into a checkpoint with {@link #optimizerState} and comes back with {@link #restoreOptimizer}.
 *
 * <p>Only one {@code GradientCollector} may be open per JVM: do not run two steps at once.
 */
public final class GrpoStep implements AutoCloseable {
  private final VzModel policy;
  private final VzModel reference;
  private final AdamW optimizer;
  private List<String> trainable;

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
   * @param policy      the model to train (its trainable parameters are set here)
   * @param reference   the frozen reference (e.g. v0); never updated
   * @param trainable   which parameters to train, by name (e.g. {@code n -> n.startsWith("decision.")})
   * @param weightDecay AdamW decoupled weight decay
   * @param clipNorm    global gradient-norm clip (1.0 in the paper)
   */
  public GrpoStep(VzModel policy, VzModel reference, Predicate<String> trainable, float weightDecay, float clipNorm) {
    if (!policy.config().equals(reference.config())) {
      throw new IllegalArgumentException("policy and reference must share an architecture");
    }
    this.policy = policy;
    this.reference = reference;
    reference.parameters().setTrainable(n -> false);
    train(trainable);
    this.optimizer = new AdamW(policy.newStepManager(), weightDecay, clipNorm);
  }

  /**
   * Trains the parameters that match from the next update on (gradients on for them only). The optimiser keeps the
   * moments of the others until they are trained again.
   */
  public void train(Predicate<String> parameters) {
    ParameterSet all = policy.parameters();
    all.zeroGradients();
    all.setTrainable(parameters);
    trainable = all.names(parameters);
  }

  /** One update over the given samples at learning rate {@code lr}, KL weight {@link GrpoLoss#KL_BETA}, if finite. */
  public GrpoMetrics step(List<ClueItem> clues, List<DecisionItem> decisions, float lr) {
    Update update = compute(clues, decisions, (float) GrpoLoss.KL_BETA);
    if (update.metrics().finite()) {
      update.apply(lr);
    } else {
      update.discard();
    }
    return update.metrics();
  }

  /**
   * Loss and gradients over the given samples with KL weight {@code klBeta}; the weights change only when the
   * returned update is applied. Apply or discard it before the next call.
   */
  public Update compute(List<ClueItem> clues, List<DecisionItem> decisions, float klBeta) {
    return compute(clues, decisions, role -> klBeta, klBeta);
  }

  /**
   * The same with the KL weight of each clue sample chosen by its speaker's role (the spy's and the civilians' clues
   * kept near the reference each by their own weight) and {@code decisionKlBeta} for decision samples.
   */
  public Update compute(List<ClueItem> clues, List<DecisionItem> decisions, ToDoubleFunction<Role> clueKlBeta,
      float decisionKlBeta) {
    if (clues.isEmpty() && decisions.isEmpty()) {
      throw new IllegalArgumentException("a GRPO step needs at least one sample");
    }
    float[] clueReference = clues.isEmpty() ? null : referenceClues(clues);
    float[] decisionReference = decisions.isEmpty() ? null : referenceDecisions(decisions);
    double loss;
    double kl = 0;
    double clipped = 0;
    int terms = 0;
    Map<Role, Double> clueKl = new EnumMap<>(Role.class);
    try (NDManager m = policy.newStepManager();
        GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      NDArray total = null;
      if (!clues.isEmpty()) {
        SampleScorer.TokenLogProbs lp = SampleScorer.clueLogProbs(policy, m, samplesOf(clues));
        Shape shape = lp.logProbs().getShape();
        float[] betas = clueBetas(clues, clueKlBeta);
        NDArray behaviour = m.create(behaviourOf(clues, shape), shape);
        NDArray referenceLp = m.create(clueReference, shape);
        NDArray advantages = m.create(advantagesOf(clues));
        // One weight for all is the scalar form exactly (its figures are pinned by the golden tests).
        GrpoLoss.Result r = allEqual(betas)
            ? GrpoLoss.compute(lp.logProbs(), behaviour, referenceLp, advantages, lp.mask(), GrpoLoss.CLIP_EPSILON,
                betas[0])
            : GrpoLoss.compute(lp.logProbs(), behaviour, referenceLp, advantages, lp.mask(), GrpoLoss.CLIP_EPSILON,
                m.create(betas));
        clueKl.putAll(meanByRole(clues, r.sequenceKl()));
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
            m.create(decisionReference, shape), m.create(advantages), lp.mask(), GrpoLoss.CLIP_EPSILON,
            decisionKlBeta);
        total = total == null ? r.loss() : total.add(r.loss());
        kl += r.kl();
        clipped += r.clipFraction();
        terms++;
      }
      loss = total.getFloat();
      if (Double.isFinite(loss)) {
        collector.backward(total);
      }
    }
    AdamW.PendingUpdate pending = Double.isFinite(loss) ? optimizer.prepare(policy.parameters(), trainable) : null;
    double norm = pending == null ? Double.NaN : pending.norm();
    return new Update(new GrpoMetrics(loss, kl / terms, clipped / terms, norm), pending, clueKl);
  }

  private static float[] clueBetas(List<ClueItem> clues, ToDoubleFunction<Role> clueKlBeta) {
    float[] betas = new float[clues.size()];
    for (int i = 0; i < betas.length; i++) {
      betas[i] = (float) clueKlBeta.applyAsDouble(clues.get(i).sample().turn().view().role());
    }
    return betas;
  }

  private static boolean allEqual(float[] values) {
    for (float v : values) {
      if (Float.compare(v, values[0]) != 0) {
        return false;
      }
    }
    return true;
  }

  /** Mean of the per-sequence KL over each role's clue samples. */
  private static Map<Role, Double> meanByRole(List<ClueItem> clues, float[] sequenceKl) {
    Map<Role, double[]> sums = new EnumMap<>(Role.class);
    for (int i = 0; i < clues.size(); i++) {
      double[] sum = sums.computeIfAbsent(clues.get(i).sample().turn().view().role(), r -> new double[2]);
      sum[0] += sequenceKl[i];
      sum[1]++;
    }
    Map<Role, Double> out = new EnumMap<>(Role.class);
    sums.forEach((role, sum) -> out.put(role, sum[0] / sum[1]));
    return out;
  }

  /** A computed update: exactly one of {@link #apply} (only when its metrics are finite) and {@link #discard}. */
  public final class Update {
    private final GrpoMetrics metrics;
    private final AdamW.PendingUpdate pending;
    private final Map<Role, Double> clueKlByRole;

    private Update(GrpoMetrics metrics, AdamW.PendingUpdate pending, Map<Role, Double> clueKlByRole) {
      this.metrics = metrics;
      this.pending = pending;
      this.clueKlByRole = Map.copyOf(clueKlByRole);
    }

    public GrpoMetrics metrics() {
      return metrics;
    }

    /** The clue samples' k3 KL to the reference (token mean, then mean over sequences) per speaker role. */
    public Map<Role, Double> clueKlByRole() {
      return clueKlByRole;
    }

    /** Clips the gradients and takes the AdamW step at learning rate {@code lr}. */
    public void apply(float lr) {
      if (pending == null) {
        throw new IllegalStateException("refusing an update whose " + metrics.nonFiniteReason());
      }
      pending.apply(lr);
    }

    /** Drops the gradients; weights and optimiser state stay as they were. */
    public void discard() {
      if (pending != null) {
        pending.discard();
      } else {
        policy.parameters().zeroGradients();
      }
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

  /** The optimiser's step count and moments, for the checkpoint section {@link AdamW#CHECKPOINT_SECTION}. */
  public byte[] optimizerState() {
    return optimizer.saveState();
  }

  /** Continues with the optimiser state of {@link #optimizerState}. */
  public void restoreOptimizer(byte[] state) {
    optimizer.loadState(state);
  }

  @Override
  public void close() {
    optimizer.close();
  }
}
