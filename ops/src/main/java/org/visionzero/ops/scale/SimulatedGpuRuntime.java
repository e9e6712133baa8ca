package org.visionzero.ops.scale;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.visionzero.events.PolicyRef;
import org.visionzero.ops.run.PolicyRuntime;
import org.visionzero.ops.run.ScriptedRuntime;
import org.visionzero.policy.Policy;
import org.visionzero.trainer.LearnerFactory;
import org.visionzero.workers.device.WorkerDevice;
import org.visionzero.workers.policy.PolicyFactory;
import org.visionzero.workers.policy.PolicyLoadException;

/**
 * The scripted random policy played on simulated GPUs: every version the workers load (v0 and each checkpoint
 * of the simulated trainer) answers as the script does, in the time the simulated GPUs take.
 */
public final class SimulatedGpuRuntime implements PolicyRuntime {
  private final ScriptedRuntime scripted = new ScriptedRuntime();
  private final SimulatedGpus gpus;

  public SimulatedGpuRuntime(SimulatedGpus gpus) {
    this.gpus = gpus;
  }

  @Override
  public String policyName() {
    return scripted.policyName();
  }

  @Override
  public PolicyFactory workerPolicies() {
    PolicyFactory script = scripted.workerPolicies();
    return new PolicyFactory() {
      @Override
      public boolean handles(String policyName) {
        return script.handles(policyName);
      }

      @Override
      public String architecture(String policyName) {
        return script.architecture(policyName);
      }

      @Override
      public Policy load(PolicyRef ref, byte[] checkpoint, WorkerDevice device) throws PolicyLoadException {
        return new SimulatedGpuPolicy(script.load(ref, checkpoint, device), gpus);
      }
    };
  }

  /** The trainer is simulated beside the pipeline ({@link SimulatedTrainer}), not a learner of the real one. */
  @Override
  public Optional<LearnerFactory> learners() {
    return Optional.empty();
  }

  @Override
  public V0 createV0(Path workDir, Consumer<String> progress) {
    return scripted.createV0(workDir, progress);
  }
}
