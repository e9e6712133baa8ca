package org.visionzero.ops.run;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.visionzero.trainer.LearnerFactory;
import org.visionzero.workers.policy.PolicyFactory;

/**
 * What {@code vz run} plays and trains: the policy name on the checkpoint topic, how workers load its versions,
 * how the trainer builds its learner (none: the pipeline runs without training), and how v0 is made.
 */
public interface PolicyRuntime {

  /** The policy's name (key of {@code vz.checkpoints}, the coordinator's training policy). */
  String policyName();

  PolicyFactory workerPolicies();

  /** The trainer's model; empty when this policy does not learn. */
  Optional<LearnerFactory> learners();

  /**
   * Makes v0 (pretraining a model if needed) and returns its checkpoint.
   *
   * @param workDir a directory of the run's data dir this runtime may use
   * @param progress receives human-readable progress
   */
  V0 createV0(Path workDir, Consumer<String> progress) throws Exception;

  /** The starting version's checkpoint bytes, with what {@code CheckpointPublished} says about them. */
  record V0(byte[] bytes, String mediaType, String architecture, String description) {
  }
}
