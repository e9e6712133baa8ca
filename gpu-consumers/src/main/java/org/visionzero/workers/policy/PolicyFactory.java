package org.visionzero.workers.policy;

import java.util.Optional;
import org.visionzero.events.PolicyRef;
import org.visionzero.policy.Policy;
import org.visionzero.workers.device.WorkerDevice;

/**
 * The seam between the worker and policy implementations: builds one version of a policy from its
 * checkpoint. Scripted policies implement it now ({@link ScriptedPolicyFactory}); the DJL model plugs in with
 * its own factory once its checkpoint format exists, combined through {@link PolicyFactories#firstOf}.
 */
public interface PolicyFactory {

  /** True when this factory builds policies of that name (e.g. 'random', 'vz'). */
  boolean handles(String policyName);

  /**
   * Fingerprint of the architecture this factory loads for a policy name; a {@code CheckpointPublished}
   * whose {@code architecture} differs is refused before its bytes are read.
   */
  String architecture(String policyName);

  /**
   * Builds the policy version {@code ref} on {@code device}.
   *
   * @param checkpoint the checkpoint bytes, already verified against their sha256; {@code null} when the
   *     version has no checkpoint (only a factory that can build a base version without one accepts that)
   * @throws PolicyLoadException with the reason when the checkpoint is unreadable or of another version
   */
  Policy load(PolicyRef ref, byte[] checkpoint, WorkerDevice device) throws PolicyLoadException;

  /**
   * A checkpoint this factory loads as {@code version} of {@code policyName} (e.g. freshly initialised
   * weights), for benchmarks and smoke tests; empty when the factory cannot make one.
   */
  default Optional<byte[]> exampleCheckpoint(String policyName, int version) {
    return Optional.empty();
  }
}
