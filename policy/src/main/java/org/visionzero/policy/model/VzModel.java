package org.visionzero.policy.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.util.Map;
import java.util.Objects;
import org.visionzero.events.PolicyRef;
import org.visionzero.policy.Vocabulary;
import org.visionzero.policy.runtime.DjlRuntime;

/**
 * One model instance: architecture, vocabulary, weights (in this model's own manager, on one device) and
 * policy version. Weights are replaced only whole ({@link #replaceWeights}), after validation elsewhere.
 */
public final class VzModel implements AutoCloseable {
  /** Policy name of the trained model in {@code PolicyRef}s. */
  public static final String POLICY_NAME = "vz";

  private final ModelConfig config;
  private final Vocabulary vocabulary;
  private final NDManager manager;
  private volatile ParameterSet parameters;
  private volatile int version;

  private VzModel(ModelConfig config, Vocabulary vocabulary, NDManager manager, ParameterSet parameters, int version) {
    this.config = config;
    this.vocabulary = vocabulary;
    this.manager = manager;
    this.parameters = parameters;
    this.version = version;
  }

  /** A freshly initialised model (seeded, so reproducible) on {@code device}. */
  public static VzModel create(ModelConfig config, Vocabulary vocabulary, long seed, Device device) {
    requireVocabularyFits(config, vocabulary);
    NDManager manager = newManager(device);
    return new VzModel(config, vocabulary, manager, ParameterSet.initialise(manager, config, seed), 0);
  }

  /** A model with the given weight values (e.g. decoded from a checkpoint). */
  public static VzModel fromValues(ModelConfig config, Vocabulary vocabulary, Map<String, float[]> values,
      int version, Device device) {
    requireVocabularyFits(config, vocabulary);
    NDManager manager = newManager(device);
    try {
      return new VzModel(config, vocabulary, manager, ParameterSet.fromValues(manager, config, values), version);
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  private static NDManager newManager(Device device) {
    DjlRuntime.init();
    return Engine.getInstance().newBaseManager(Objects.requireNonNull(device, "device"));
  }

  private static void requireVocabularyFits(ModelConfig config, Vocabulary vocabulary) {
    if (config.vocabSize() != vocabulary.size()) {
      throw new IllegalArgumentException("architecture expects " + config.vocabSize()
          + " tokens but the vocabulary has " + vocabulary.size());
    }
  }

  public ModelConfig config() {
    return config;
  }

  public Vocabulary vocabulary() {
    return vocabulary;
  }

  public ParameterSet parameters() {
    return parameters;
  }

  public int version() {
    return version;
  }

  public void setVersion(int version) {
    this.version = version;
  }

  public PolicyRef ref() {
    return new PolicyRef(POLICY_NAME, version);
  }

  public Device device() {
    return manager.getDevice();
  }

  /** The forward pass over the current weights. */
  public VzNetwork network() {
    return new VzNetwork(config, parameters);
  }

  /**
   * The forward pass with the listener's weights in the decoder's place (the frozen copy the clue fit reads, or the
   * decoder itself while the listener is tied to it): for scoring words against images as the judge does.
   */
  public VzNetwork listenerNetwork() {
    return new VzNetwork(config, parameters.listener());
  }

  /** A manager for one step's temporaries, on the model's device; close it after the step. */
  public NDManager newStepManager() {
    return manager.newSubManager();
  }

  /**
   * Freezes the listener (the decoder weights the decision head's clue fit reads) at the decoder's current weights,
   * before the decoder is trained as the speaker; a listener that already has its own copy keeps it. Returns whether
   * a copy was made.
   */
  public synchronized boolean detachListener() {
    return parameters.detachListener(manager);
  }

  /** Makes the model never echo another seat's clue, in every role ({@link ParameterSet#ECHO_OFF_LOGIT}). */
  public synchronized void switchEchoOff() {
    Map<String, float[]> values = parameters.values();
    java.util.Arrays.fill(values.get(ParameterSet.ECHO_LOGITS), ParameterSet.ECHO_OFF_LOGIT);
    replaceWeights(values, version);
  }

  /** Whether the model never echoes: every role's echo logit is at {@link ParameterSet#ECHO_OFF_LOGIT} or below. */
  public boolean echoOff() {
    for (float logit : parameters.get(ParameterSet.ECHO_LOGITS).toFloatArray()) {
      if (logit > ParameterSet.ECHO_OFF_LOGIT) {
        return false;
      }
    }
    return true;
  }

  /** A copy with the same weights and version (e.g. a frozen reference for the KL term). */
  public VzModel copy() {
    return fromValues(config, vocabulary, parameters.values(), version, device());
  }

  /**
   * Swaps in new weights of the same architecture and a new version. The caller validated them; the old
   * weights are released at once, so swap between batches, never while another thread samples or trains.
   */
  public synchronized void replaceWeights(Map<String, float[]> values, int newVersion) {
    ParameterSet fresh = ParameterSet.fromValues(manager, config, values);
    ParameterSet old = parameters;
    parameters = fresh;
    version = newVersion;
    old.close();
  }

  @Override
  public void close() {
    manager.close();
  }
}
