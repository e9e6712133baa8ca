package org.visionzero.ops.run;

import org.visionzero.ops.config.VzRunConfig;

/** Chooses the {@link PolicyRuntime} a run's {@code run.policy} names. */
public final class PolicyRuntimes {

  private PolicyRuntimes() {
  }

  public static PolicyRuntime forConfig(VzRunConfig config) {
    return switch (config.policy()) {
      case VzRunConfig.POLICY_RANDOM -> new ScriptedRuntime();
      case VzRunConfig.POLICY_MODEL -> throw new IllegalStateException("run.policy=model needs the DJL model's "
          + "worker policy factory and trainer learner, which are not installed yet: use --policy random");
      default -> throw new IllegalArgumentException("unknown run.policy '" + config.policy() + "'");
    };
  }
}
