package org.visionzero.trainer.step;

import java.util.List;
import org.visionzero.events.Phase;
import org.visionzero.trainer.sample.TrainingSample;

/**
 * The seam between the trainer's bookkeeping and the model: computes one GRPO update on the samples of a
 * phase. The DJL implementation wraps the policy's model; unit tests inject fakes (e.g. one whose loss is NaN).
 */
public interface TrainingStep {

  /**
   * Computes loss and gradients for the samples.
   *
   * @param phase        the Iterative-SPO phase whose samples these are
   * @param samples      the samples, never empty
   * @param learningRate the learning rate the update will use if applied
   */
  PreparedUpdate compute(Phase phase, List<TrainingSample> samples, double learningRate);
}
