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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.visionzero.events.Phase;
import org.visionzero.events.Role;
import org.visionzero.events.TurnKind;
import org.visionzero.policy.PolicyTurn;
import org.visionzero.policy.Vocabulary;
import org.visionzero.policy.checkpoint.Checkpoint;
import org.visionzero.policy.checkpoint.Checkpoints;
import org.visionzero.policy.likelihood.ListenerFidelity;
import org.visionzero.policy.model.ModelConfig;
import org.visionzero.policy.model.VzModel;
import org.visionzero.policy.runtime.Devices;
import org.visionzero.policy.train.AdamW;
import org.visionzero.policy.train.GrpoMetrics;
import org.visionzero.policy.train.GrpoStep;
import org.visionzero.policy.train.SampleScorer;
import org.visionzero.trainer.inputs.TurnInputs;
import org.visionzero.trainer.sample.TrainingSample;
import org.visionzero.trainer.step.CivilianFidelity;
import org.visionzero.trainer.step.KlAnchor;
import org.visionzero.trainer.step.Learner;
import org.visionzero.trainer.step.NothingToTrainException;
import org.visionzero.trainer.step.PreparedUpdate;
import org.visionzero.trainer.step.TrainableParameters;

/**
 * The trainer's {@link Learner} on the policy's DJL model: detaches the listener (the clue fit reads a frozen copy of
 * the base decoder, so training the speaker cannot move the judge), rebuilds each sample's turn, adds the civilians'
 * fidelity term to CLUE steps ({@link CivilianFidelity}), hands the phase's samples to
 * the policy's {@link GrpoStep} (log-probs under the current weights and the frozen base model, GRPO loss against the
 * behaviour log-probs the workers recorded, back-propagation) and leaves the update to the caller: applied with
 * AdamW (clip 1.0) or discarded when not finite. The optimiser state goes into every checkpoint beside the weights,
 * and each saved version logs how many weights of each part moved ({@link ParameterChange}), with the CLUE steps'
 * KL to the base per speaker role and the civilians' fidelity.
 */
public final class DjlLearner implements Learner {
  /** Gradient clipping of VISION-ZERO.md section 3. */
  public static final float CLIP_NORM = 1.0f;
  public static final float WEIGHT_DECAY = 0.0f;
  private static final Logger LOG = LoggerFactory.getLogger(DjlLearner.class);
  /** Versions between two INFO lines of what the weights did (every version at DEBUG). */
  static final int INFO_EVERY_VERSIONS = 50;

  private final VzModel model;
  private final VzModel reference;
  private final GrpoStep grpo;
  private final TurnInputs inputs;
  private final TrainableParameters trainable;
  private final KlAnchor klAnchor;
  private final CivilianFidelity fidelity;
  private final boolean collectBeforeGraph;
  private final SpeakerStatistics sinceLastSave = new SpeakerStatistics();
  /** The weights of the last saved version (the base before the first), to log what each version changed. */
  private Map<String, float[]> lastSaved;
  private ParameterChange lastChangeFromBase;
  /** The phase whose parameters take gradients now; null when the next step must set them. */
  private Phase trainablePhase;

  /**
   * @param base   the starting model; this learner owns and trains it
   * @param inputs rebuilds each sample's turn
   */
  public DjlLearner(VzModel base, TurnInputs inputs) {
    this(base, inputs, TrainableParameters.speaker(), KlAnchor.defaults(), CivilianFidelity.defaults(), false);
  }

  /** A learner without the civilians' fidelity term (the trainer before the speaker was trained). */
  public DjlLearner(VzModel base, TurnInputs inputs, TrainableParameters trainable, KlAnchor klAnchor,
      boolean collectBeforeGraph) {
    this(base, inputs, trainable, klAnchor, CivilianFidelity.off(), collectBeforeGraph);
  }

  /**
   * @param trainable          which parameters each phase trains
   * @param klAnchor           β of the KL term to the reference, per speaker role and for decisions
   * @param fidelity           the civilians' fidelity term of CLUE steps
   * @param collectBeforeGraph run a garbage collection before each step's graph (an old guard against DJL freeing
   *                           scalar constants before backward; the training graph now keeps them as arrays)
   */
  public DjlLearner(VzModel base, TurnInputs inputs, TrainableParameters trainable, KlAnchor klAnchor,
      CivilianFidelity fidelity, boolean collectBeforeGraph) {
    this.collectBeforeGraph = collectBeforeGraph;
    this.fidelity = Objects.requireNonNull(fidelity, "fidelity");
    this.klAnchor = Objects.requireNonNull(klAnchor, "klAnchor");
    this.trainable = Objects.requireNonNull(trainable, "trainable");
    this.model = Objects.requireNonNull(base, "base");
    this.inputs = Objects.requireNonNull(inputs, "inputs");
    // The judge stays where the speaker starts: the clue fit reads a frozen copy of the base decoder from now on
    // (a frozen speaker needs no copy: the decoder itself never moves).
    if (trainable.trainsSpeaker()) {
      base.detachListener();
    }
    this.reference = base.copy();
    this.lastSaved = base.parameters().values();
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
    double[] civilianFidelity = phase == Phase.CLUE && fidelity.on() ? shapeCivilianClues(clues) : new double[0];
    GrpoStep.Update update = grpo.compute(clues, decisions, klAnchor::clue, (float) klAnchor.decision());
    return new PreparedUpdate() {
      @Override
      public GrpoMetrics metrics() {
        return update.metrics();
      }

      @Override
      public void apply() {
        update.apply((float) learningRate);
        sinceLastSave.add(update.clueKlByRole(), civilianFidelity);
      }

      @Override
      public void discard() {
        update.discard();
      }
    };
  }

  /**
   * Adds the fidelity term to the civilians' clue advantages ({@link CivilianFidelity}), in place; returns their
   * fidelities.
   */
  private double[] shapeCivilianClues(List<GrpoStep.ClueItem> clues) {
    List<Integer> civilians = new ArrayList<>();
    List<SampleScorer.ClueSample> samples = new ArrayList<>();
    for (int i = 0; i < clues.size(); i++) {
      if (clues.get(i).sample().turn().view().role() == Role.CIVILIAN) {
        civilians.add(i);
        samples.add(clues.get(i).sample());
      }
    }
    double[] scores = ListenerFidelity.of(model, samples);
    double[] shifts = fidelity.shifts(scores);
    for (int k = 0; k < civilians.size(); k++) {
      GrpoStep.ClueItem item = clues.get(civilians.get(k));
      clues.set(civilians.get(k), new GrpoStep.ClueItem(item.sample(), item.behaviourLogProbs(),
          (float) (item.advantage() + shifts[k])));
    }
    return scores;
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
    logChange(version);
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
    // A checkpoint without a listener copy (written before it existed, or with a frozen speaker) judges with its
    // own decoder from now on.
    if (trainable.trainsSpeaker()) {
      model.detachListener();
    }
    trainablePhase = null; // the loaded weights are new arrays: the next step sets which of them take gradients
    lastSaved = model.parameters().values();
    return loaded.extras();
  }

  /** What the last saved version changed since the base model, per part; null before the first save. */
  public ParameterChange changeFromBase() {
    return lastChangeFromBase;
  }

  /**
   * Logs, for a version being saved, how many weights of each part moved since the base and since the last one: at
   * DEBUG for every version ({@code vz run --verbose}), at INFO for every {@link #INFO_EVERY_VERSIONS}th (a version
   * every few seconds would drown the run's short log).
   */
  private void logChange(int version) {
    Map<String, float[]> now = model.parameters().values();
    lastChangeFromBase = ParameterChange.between(reference.parameters().values(), now);
    ParameterChange fromLast = ParameterChange.between(lastSaved, now);
    String line = "v" + version + ": weights changed since the base: " + lastChangeFromBase.describe()
        + "; since the last version: " + fromLast.describe() + "; CLUE steps since then: "
        + sinceLastSave.describeAndReset();
    if (version % INFO_EVERY_VERSIONS == 0) {
      LOG.info(line);
    } else {
      LOG.debug(line);
    }
    lastSaved = now;
  }

  @Override
  public void close() {
    grpo.close();
    reference.close();
    model.close();
  }
}
