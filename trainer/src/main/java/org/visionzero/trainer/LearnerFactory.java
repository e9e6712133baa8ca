package org.visionzero.trainer;

import org.visionzero.trainer.inputs.PairImages;
import org.visionzero.trainer.step.Learner;

/** Makes the model a trainer trains: the DJL model in production, a small fake in tests. */
@FunctionalInterface
public interface LearnerFactory {

  /**
   * @param config the trainer's settings (base checkpoint, seed, rules)
   * @param images where a sample's turn gets its images back
   */
  Learner create(TrainerConfig config, PairImages images) throws Exception;
}
