package org.visionzero.workers.policy;

import java.util.Optional;
import java.util.Set;
import org.visionzero.events.PolicyRef;
import org.visionzero.policy.Policy;
import org.visionzero.policy.Vocabulary;
import org.visionzero.policy.scripted.OraclePolicy;
import org.visionzero.policy.scripted.RandomPolicy;
import org.visionzero.workers.device.WorkerDevice;

/**
 * Builds the scripted baselines: {@code random} and {@code oracle}. Version 0 needs no checkpoint; a later
 * version comes from a {@link ScriptedCheckpoint} naming exactly that policy and version.
 */
public final class ScriptedPolicyFactory implements PolicyFactory {
  public static final String ARCHITECTURE_PREFIX = "scripted/";
  private static final Set<String> NAMES = Set.of(RandomPolicy.NAME, OraclePolicy.NAME);
  private static final int BASE_VERSION = 0;

  private final Vocabulary vocabulary;

  public ScriptedPolicyFactory(Vocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  @Override
  public boolean handles(String policyName) {
    return NAMES.contains(policyName);
  }

  @Override
  public String architecture(String policyName) {
    return ARCHITECTURE_PREFIX + policyName;
  }

  @Override
  public Optional<byte[]> exampleCheckpoint(String policyName, int version) {
    return handles(policyName) ? Optional.of(new ScriptedCheckpoint(policyName, version).toBytes()) : Optional.empty();
  }

  @Override
  public Policy load(PolicyRef ref, byte[] checkpoint, WorkerDevice device) throws PolicyLoadException {
    String name = ref.getName();
    if (!handles(name)) {
      throw new PolicyLoadException(PolicyFactories.noFactory(name));
    }
    if (checkpoint == null) {
      if (ref.getVersion() != BASE_VERSION) {
        throw new PolicyLoadException("version " + ref.getVersion() + " of '" + name
            + "' needs a checkpoint and none is known to this worker");
      }
    } else {
      ScriptedCheckpoint parsed = ScriptedCheckpoint.parse(checkpoint);
      if (!parsed.policy().equals(name) || parsed.version() != ref.getVersion()) {
        throw new PolicyLoadException("checkpoint is of " + parsed.policy() + "@" + parsed.version()
            + " but was published as " + name + "@" + ref.getVersion());
      }
    }
    Policy script = RandomPolicy.NAME.equals(name) ? new RandomPolicy(vocabulary) : new OraclePolicy(vocabulary);
    return new VersionedPolicy(script, VersionKey.of(ref));
  }
}
