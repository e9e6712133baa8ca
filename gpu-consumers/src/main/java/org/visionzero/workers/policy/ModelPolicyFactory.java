package org.visionzero.workers.policy;

import ai.djl.Device;
import java.util.Objects;
import java.util.Optional;
import org.visionzero.events.PolicyRef;
import org.visionzero.policy.Policy;
import org.visionzero.policy.Vocabulary;
import org.visionzero.policy.checkpoint.Checkpoint;
import org.visionzero.policy.checkpoint.CheckpointRejectedException;
import org.visionzero.policy.checkpoint.Checkpoints;
import org.visionzero.policy.model.ModelConfig;
import org.visionzero.policy.model.ModelPolicy;
import org.visionzero.policy.model.VzModel;
import org.visionzero.workers.device.WorkerDevice;

/**
 * Builds versions of the trained model ({@code vz}) from its checkpoints, on the worker's device. Every
 * version needs a checkpoint (version 0 is the pretrained one); a checkpoint of another architecture, or one
 * whose content names another version, is refused.
 */
public final class ModelPolicyFactory implements PolicyFactory {
  private static final long EXAMPLE_SEED = 7;

  private final ModelConfig architecture;

  /**
   * PyTorch intra-op threads for the worker's model unless {@value #THREADS_PROPERTY} is set: one. A worker runs
   * its model on one thread per device, and with a 2-thread pool the calling thread spins on barriers when the
   * CPU is contended: on the 2-core build machine at load 15 a clue turn took 300-960 ms with 2 threads and
   * 20-45 ms with 1.
   */
  public static final int DEFAULT_INTRA_OP_THREADS = 1;
  public static final String THREADS_PROPERTY = "ai.djl.pytorch.num_threads";

  /** A factory for checkpoints of exactly this architecture. */
  public ModelPolicyFactory(ModelConfig architecture) {
    this.architecture = Objects.requireNonNull(architecture, "architecture");
    // Must precede the engine's first use in this JVM; DjlRuntime keeps a value that is already set.
    if (System.getProperty(THREADS_PROPERTY) == null) {
      System.setProperty(THREADS_PROPERTY, Integer.toString(DEFAULT_INTRA_OP_THREADS));
    }
  }

  /** The standard model over the standard vocabulary. */
  public static ModelPolicyFactory standard() {
    return new ModelPolicyFactory(ModelConfig.standard(Vocabulary.standard().size()));
  }

  @Override
  public boolean handles(String policyName) {
    return VzModel.POLICY_NAME.equals(policyName);
  }

  @Override
  public String architecture(String policyName) {
    return architecture.fingerprint();
  }

  @Override
  public Policy load(PolicyRef ref, byte[] checkpoint, WorkerDevice device) throws PolicyLoadException {
    if (!handles(ref.getName())) {
      throw new PolicyLoadException(PolicyFactories.noFactory(ref.getName()));
    }
    if (checkpoint == null) {
      throw new PolicyLoadException("version " + ref.getVersion() + " of the model needs a checkpoint and none is "
          + "known to this worker: publish one to the checkpoint topic");
    }
    Checkpoint decoded;
    try {
      // The bytes were verified against the published sha256 already; decoding checks the format.
      decoded = Checkpoints.decode(checkpoint, Checkpoints.sha256(checkpoint));
    } catch (CheckpointRejectedException e) {
      throw new PolicyLoadException(e.getMessage(), e);
    }
    if (!decoded.config().equals(architecture)) {
      throw new PolicyLoadException("checkpoint has architecture " + decoded.config().fingerprint()
          + " but this worker runs " + architecture.fingerprint());
    }
    if (decoded.policyVersion() != ref.getVersion()) {
      throw new PolicyLoadException("checkpoint holds version " + decoded.policyVersion() + " but was published as "
          + ref.getVersion());
    }
    VzModel model = VzModel.fromValues(decoded.config(), decoded.vocabulary(), decoded.parameters(),
        decoded.policyVersion(), djlDevice(device));
    return new ModelPolicy(model, true);
  }

  /** Freshly initialised weights of this architecture, saved as {@code version}. */
  @Override
  public Optional<byte[]> exampleCheckpoint(String policyName, int version) {
    return handles(policyName) ? Optional.of(initialCheckpoint(version, EXAMPLE_SEED)) : Optional.empty();
  }

  /** A freshly initialised model of this architecture saved as {@code version}. */
  public byte[] initialCheckpoint(int version, long seed) {
    Vocabulary vocabulary = Vocabulary.standard();
    try (VzModel model = VzModel.create(architecture, vocabulary, seed, Device.cpu())) {
      model.setVersion(version);
      return Checkpoints.save(model);
    }
  }

  private static Device djlDevice(WorkerDevice device) {
    return device.gpu() ? Device.gpu(device.index()) : Device.cpu();
  }
}
