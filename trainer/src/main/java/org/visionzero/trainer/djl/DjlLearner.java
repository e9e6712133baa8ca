package org.visionzero.trainer.djl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.visionzero.events.Phase;
import org.visionzero.events.TurnKind;
import org.visionzero.policy.PolicyTurn;
import org.visionzero.policy.Vocabulary;
import org.visionzero.policy.checkpoint.Checkpoint;
import org.visionzero.policy.checkpoint.Checkpoints;
import org.visionzero.policy.model.ModelConfig;
import org.visionzero.policy.model.ParameterSet;
import org.visionzero.policy.model.VzModel;
import org.visionzero.policy.runtime.Devices;
import org.visionzero.policy.train.GrpoLoss;
import org.visionzero.policy.train.SampleScorer;
import org.visionzero.trainer.inputs.TurnInputs;
import org.visionzero.trainer.sample.TrainingSample;
import org.visionzero.trainer.step.KlAnchor;
import org.visionzero.trainer.step.Learner;
import org.visionzero.trainer.step.NothingToTrainException;
import org.visionzero.trainer.step.PreparedUpdate;
import org.visionzero.trainer.step.TrainableParameters;
import org.visionzero.trainer.step.UpdateStats;

/**
 * The GRPO step on the policy's DJL model: recomputes the sampled tokens' log-probs under the current weights
 * (with gradients) and under the frozen base model (the KL reference), takes the policy's GRPO loss against the
 * behaviour log-probs the workers recorded, back-propagates, and leaves the update to the caller: applied with
 * AdamW (clip 1.0) or discarded when not finite. Each step's temporaries live in a sub-manager closed after it.
 */
public final class DjlLearner implements Learner {
  /** Gradient clipping of VISION-ZERO.md section 3. */
  public static final float CLIP_NORM = 1.0f;
  public static final float WEIGHT_DECAY = 0.0f;

  private final VzModel model;
  private final VzModel reference;
  private final SaveableAdamW optimizer;
  private final TurnInputs inputs;
  private final TrainableParameters trainable;
  private final KlAnchor klAnchor;
  private final boolean collectBeforeGraph;
  private Phase trainablePhase;
  private List<String> trainableNames = List.of();

  /**
   * @param base   the starting model; this learner owns and trains it
   * @param inputs rebuilds each sample's turn
   */
  public DjlLearner(VzModel base, TurnInputs inputs) {
    this(base, inputs, TrainableParameters.defaults(), KlAnchor.defaults(), false);
  }

  /**
   * @param trainable          which parameters each phase trains
   * @param klAnchor           β of the KL term to the reference, per phase
   * @param collectBeforeGraph run a garbage collection before each step's graph (an old guard against DJL freeing
   *                           scalar constants before backward; the training graph now keeps them as arrays)
   */
  public DjlLearner(VzModel base, TurnInputs inputs, TrainableParameters trainable, KlAnchor klAnchor,
      boolean collectBeforeGraph) {
    this.collectBeforeGraph = collectBeforeGraph;
    this.klAnchor = Objects.requireNonNull(klAnchor, "klAnchor");
    this.trainable = Objects.requireNonNull(trainable, "trainable");
    this.model = Objects.requireNonNull(base, "base");
    this.inputs = Objects.requireNonNull(inputs, "inputs");
    this.reference = base.copy();
    this.reference.parameters().setTrainable(name -> false);
    this.optimizer = new SaveableAdamW(model.newStepManager(), WEIGHT_DECAY, CLIP_NORM);
  }

  /** The base model: a checkpoint file (v0 from pretraining) or, without one, a seeded random model. */
  public static VzModel baseModel(Path checkpoint, long seed, String device) throws IOException {
    if (checkpoint != null) {
      byte[] bytes = Files.readAllBytes(checkpoint);
      return Checkpoints.load(bytes, Checkpoints.sha256(bytes), Devices.choose(device));
    }
    Vocabulary vocabulary = Vocabulary.standard();
    return VzModel.create(ModelConfig.standard(vocabulary.size()), vocabulary, seed, Devices.choose(device));
  }

  public VzModel model() {
    return model;
  }

  @Override
  public PreparedUpdate compute(Phase phase, List<TrainingSample> samples, double learningRate) {
    List<TrainingSample> usable = samples.stream().filter(this::scoreable).toList();
    if (usable.isEmpty()) {
      throw new NothingToTrainException("none of the " + samples.size() + " samples can be scored by this model");
    }
    // The G votes of one decision turn share its turn object, so the scorer runs that turn's forward pass once.
    Map<String, PolicyTurn> shared = new HashMap<>();
    List<PolicyTurn> turns = usable.stream().map(s -> shared.computeIfAbsent(turnKey(s), k -> inputs.turnOf(s)))
        .toList();
    trainPhase(phase);
    if (collectBeforeGraph) {
      // DJL's scalar operations (x.mul(0.04f), x.div(8f)) build their constant on a direct buffer and close it
      // at once, while autograd keeps using it until backward: a garbage collection in between frees that
      // memory and crashes the JVM in native code. Starting the graph with an empty young generation makes a
      // collection before backward unlikely (see README, "DJL scalar ops").
      System.gc();
    }
    double loss;
    double kl;
    double clipFraction;
    try (NDManager step = model.newStepManager()) {
      SampleScorer.TokenLogProbs ref = score(reference, step, usable, turns);
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        SampleScorer.TokenLogProbs current = score(model, step, usable, turns);
        int width = (int) current.mask().getShape().get(1);
        NDArray behaviour = step.create(behaviourMatrix(usable, width), new Shape(usable.size(), width));
        NDArray advantages = step.create(advantages(usable));
        GrpoLoss.Result result = GrpoLoss.compute(current.logProbs(), behaviour, ref.logProbs(), advantages,
            current.mask(), GrpoLoss.CLIP_EPSILON, (float) klAnchor.beta(phase));
        loss = result.loss().getFloat();
        kl = result.kl();
        clipFraction = result.clipFraction();
        if (Double.isFinite(loss)) {
          collector.backward(result.loss());
        }
      }
    }
    ParameterSet parameters = model.parameters();
    List<String> trainable = trainableNames;
    double norm = Double.isFinite(loss) ? SaveableAdamW.gradientNorm(parameters::get, trainable) : Double.NaN;
    UpdateStats metrics = new UpdateStats(loss, kl, clipFraction, norm, usable.size());
    return new PreparedUpdate() {
      @Override
      public UpdateStats metrics() {
        return metrics;
      }

      @Override
      public void apply() {
        optimizer.step(parameters::get, trainable, (float) learningRate, norm);
        parameters.zeroGradients();
      }

      @Override
      public void discard() {
        parameters.zeroGradients();
      }
    };
  }

  /** What identifies the turn a sample was played in: its samples saw the same inputs. */
  private static String turnKey(TrainingSample s) {
    return s.game().getGameId() + '/' + s.kind() + '/' + s.seat() + '/' + s.round() + '/' + s.behaviour();
  }

  /** Turns gradients on for exactly the parameters {@code phase} trains (only when the phase changed). */
  private void trainPhase(Phase phase) {
    if (phase != trainablePhase) {
      ParameterSet parameters = model.parameters();
      parameters.zeroGradients();
      parameters.setTrainable(trainable.of(phase));
      trainableNames = parameters.names(trainable.of(phase));
      trainablePhase = phase;
    }
  }

  private boolean scoreable(TrainingSample sample) {
    if (sample.kind() == TurnKind.DECISION) {
      return sample.tokenIds().size() == 1 && sample.tokenIds().get(0) >= 0
          && sample.tokenIds().get(0) <= sample.game().getNumPlayers();
    }
    return !sample.tokenIds().isEmpty() && sample.tokenIds().size() <= model.config().maxClueTokens();
  }

  private static SampleScorer.TokenLogProbs score(VzModel m, NDManager manager, List<TrainingSample> samples,
      List<PolicyTurn> turns) {
    if (samples.get(0).kind() == TurnKind.DECISION) {
      List<SampleScorer.DecisionSample> decisions = new ArrayList<>();
      for (int i = 0; i < samples.size(); i++) {
        decisions.add(new SampleScorer.DecisionSample(turns.get(i), samples.get(i).tokenIds().get(0)));
      }
      return SampleScorer.decisionLogProbs(m, manager, decisions);
    }
    List<SampleScorer.ClueSample> clues = new ArrayList<>();
    for (int i = 0; i < samples.size(); i++) {
      clues.add(new SampleScorer.ClueSample(turns.get(i), samples.get(i).tokenIds()));
    }
    return SampleScorer.clueLogProbs(m, manager, clues);
  }

  private static float[] behaviourMatrix(List<TrainingSample> samples, int width) {
    float[] out = new float[samples.size() * width];
    for (int b = 0; b < samples.size(); b++) {
      float[] lps = samples.get(b).behaviourLogProbs();
      System.arraycopy(lps, 0, out, b * width, Math.min(lps.length, width));
    }
    return out;
  }

  private static float[] advantages(List<TrainingSample> samples) {
    float[] out = new float[samples.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) samples.get(i).advantage();
    }
    return out;
  }

  @Override
  public String architecture() {
    return model.config().fingerprint();
  }

  @Override
  public String mediaType() {
    return Checkpoints.MEDIA_TYPE;
  }

  @Override
  public byte[] save(int version, Map<String, byte[]> sections) {
    model.setVersion(version);
    Map<String, byte[]> extras = new TreeMap<>(sections);
    extras.put(SaveableAdamW.SECTION, optimizer.save());
    return Checkpoints.save(model, extras);
  }

  @Override
  public Map<String, byte[]> load(byte[] checkpoint) {
    Checkpoint loaded = Checkpoints.loadInto(model, checkpoint, Checkpoints.sha256(checkpoint));
    byte[] optimizerState = loaded.extras().get(SaveableAdamW.SECTION);
    if (optimizerState != null) {
      optimizer.load(optimizerState);
    }
    return loaded.extras();
  }

  @Override
  public void close() {
    optimizer.close();
    reference.close();
    model.close();
  }
}
