package org.visionzero.policy.checkpoint;

import java.util.Map;
import org.visionzero.policy.Vocabulary;
import org.visionzero.policy.model.ModelConfig;

/**
 * A decoded checkpoint.
 *
 * @param policyName    name of the policy, e.g. "vz"
 * @param policyVersion version of the weights
 * @param config        architecture
 * @param vocabulary    vocabulary
 * @param parameters    weight values by name, in the architecture's order
 * @param extras        named extra sections (optimiser state, RAE baselines, ...), raw bytes
 */
public record Checkpoint(String policyName, int policyVersion, ModelConfig config, Vocabulary vocabulary,
    Map<String, float[]> parameters, Map<String, byte[]> extras) {}
