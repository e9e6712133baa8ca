package org.visionzero.ops.run;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.visionzero.policy.Vocabulary;
import org.visionzero.policy.scripted.RandomPolicy;
import org.visionzero.trainer.LearnerFactory;
import org.visionzero.workers.policy.PolicyFactory;
import org.visionzero.workers.policy.ScriptedCheckpoint;
import org.visionzero.workers.policy.ScriptedPolicyFactory;

/** The scripted random policy: a zero-cost pipeline with nothing to learn (benchmarks and smoke runs). */
public final class ScriptedRuntime implements PolicyRuntime {

  private final ScriptedPolicyFactory factory = new ScriptedPolicyFactory(Vocabulary.standard());

  @Override
  public String policyName() {
    return RandomPolicy.NAME;
  }

  @Override
  public PolicyFactory workerPolicies() {
    return factory;
  }

  @Override
  public Optional<LearnerFactory> learners() {
    return Optional.empty();
  }

  @Override
  public V0 createV0(Path workDir, Consumer<String> progress) {
    return new V0(new ScriptedCheckpoint(policyName(), 0).toBytes(), ScriptedCheckpoint.MEDIA_TYPE,
        factory.architecture(policyName()), "scripted random policy");
  }
}
