package org.visionzero.trainer.djl;

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
import org.visionzero.policy.model.VzModel;
import org.visionzero.policy.runtime.Devices;
import org.visionzero.policy.train.AdamW;
import org.visionzero.policy.train.GrpoMetrics;
import org.visionzero.policy.train.GrpoStep;
import org.visionzero.policy.train.SampleScorer;
import org.visionzero.trainer.inputs.TurnInputs;
import org.visionzero.trainer.sample.TrainingSample;
import org.visionzero.trainer.step.KlAnchor;
import org.visionzero.trainer.step.Learner;
import org.visionzero.trainer.step.NothingToTrainException;
import org.visionzero.trainer.step.PreparedUpdate;
import org.visionzero.trainer.step.TrainableParameters;

/**
 * The trainer's {@link Learner} on the policy's DJL model: rebuilds each sample's turn, hands the phase's samples to
 * the policy's {@link GrpoStep} (log-probs under the current weights and the frozen base model, GRPO loss against the
 * behaviour log-probs the workers recorded, back-propagation) and leaves the update to the caller: applied with
 * AdamW (clip 1.0) or discarded when not finite. The optimiser state goes into every checkpoint beside the weights.
 */
public final class DjlLearner implements Learner {
  /** Gradient clipping of VISION-ZERO.md section 3. */
  public static final float CLIP_NORM = 1.0f;
  public static final float WEIGHT_DECAY = 0.0f;

  private final VzModel model;
  private final VzModel reference;
  private final GrpoStep grpo;
  private final TurnInputs inputs;
  private final TrainableParameters trainable;
  private final KlAnchor klAnchor;
  private final boolean collectBeforeGraph;
  /** The phase whose parameters take gradients now; null when the next step must set them. */
  private Phase trainablePhase;

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
    this.grpo = new GrpoStep(model, reference, trainable.of(Phase.DECISION), WEIGHT_DECAY, CLIP_NORM);
    this.trainablePhase = Phase.DECISION;
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
    trainPhase(phase);
    if (collectBeforeGraph) {
      // DJL's scalar operations (x.mul(0.04f), x.div(8f)) build their constant on a direct buffer and close it
      // at once, while autograd keeps using it until backward: a garbage collection in between frees that
      // memory and crashes the JVM in native code. Starting the graph with an empty young generation makes a
      // collection before backward unlikely (see README, "DJL scalar ops").
      System.gc();
    }
    // The G votes of one decision turn share its turn object, so the scorer runs that turn's forward pass once.
    Map<String, PolicyTurn> shared = new HashMap<>();
    List<GrpoStep.ClueItem> clues = new ArrayList<>();
    List<GrpoStep.DecisionItem> decisions = new ArrayList<>();
    for (TrainingSample s : usable) {
      PolicyTurn turn = shared.computeIfAbsent(turnKey(s), k -> inputs.turnOf(s));
      float advantage = (float) s.advantage();
      if (s.kind() == TurnKind.DECISION) {
        decisions.add(new GrpoStep.DecisionItem(new SampleScorer.DecisionSample(turn, s.tokenIds().get(0)),
            s.behaviourLogProbs()[0], advantage));
      } else {
        clues.add(new GrpoStep.ClueItem(new SampleScorer.ClueSample(turn, s.tokenIds()), s.behaviourLogProbs(),
            advantage));
      }
    }
    GrpoStep.Update update = grpo.compute(clues, decisions, (float) klAnchor.beta(phase));
    return new PreparedUpdate() {
      @Override
      public GrpoMetrics metrics() {
        return update.metrics();
      }

      @Override
      public void apply() {
        update.apply((float) learningRate);
      }

      @Override
      public void discard() {
        update.discard();
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
      grpo.train(trainable.of(phase));
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
    extras.put(AdamW.CHECKPOINT_SECTION, grpo.optimizerState());
    return Checkpoints.save(model, extras);
  }

  @Override
  public Map<String, byte[]> load(byte[] checkpoint) {
    Checkpoint loaded = Checkpoints.loadInto(model, checkpoint, Checkpoints.sha256(checkpoint));
    byte[] optimizerState = loaded.extras().get(AdamW.CHECKPOINT_SECTION);
    if (optimizerState != null) {
      grpo.restoreOptimizer(optimizerState);
    }
    trainablePhase = null; // the loaded weights are new arrays: the next step sets which of them take gradients
    return loaded.extras();
  }

  @Override
  public void close() {
    grpo.close();
    reference.close();
    model.close();
  }
}
