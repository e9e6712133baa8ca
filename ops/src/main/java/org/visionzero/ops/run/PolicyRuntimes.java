package org.visionzero.ops.run;

import org.visionzero.ops.config.VzRunConfig;

/** Chooses the {@link PolicyRuntime} a run's {@code run.policy} names. */
public final class PolicyRuntimes {

  private PolicyRuntimes() {
  }

  public static PolicyRuntime forConfig(VzRunConfig config) {
    return switch (config.policy()) {
      case VzRunConfig.POLICY_RANDOM -> new ScriptedRuntime();
      case VzRunConfig.POLICY_MODEL -> new ModelRuntime(config.imageSize(), config.plan().pretrain(),
          config.pretrainSeed(), config.pretrainPartialCaptions(), config.v0(), config.echo());
      default -> throw new IllegalArgumentException("unknown run.policy '" + config.policy() + "'");
    };
  }
}
