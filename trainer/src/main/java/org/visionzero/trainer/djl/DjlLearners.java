package org.visionzero.trainer.djl;

import java.io.IOException;
import org.visionzero.policy.model.VzModel;
import org.visionzero.trainer.TrainerConfig;
import org.visionzero.trainer.inputs.PairImages;
import org.visionzero.trainer.inputs.TurnInputs;

/** The production {@link org.visionzero.trainer.LearnerFactory}: the policy's DJL model. */
public final class DjlLearners {
  private DjlLearners() {}

  /** A learner on the configured base model (checkpoint file or seeded random model). */
  public static DjlLearner create(TrainerConfig config, PairImages images) throws IOException {
    VzModel base = DjlLearner.baseModel(config.baseCheckpoint(), config.modelSeed(), config.device());
    try {
      return new DjlLearner(base, new TurnInputs(config.rules(), images), config.trainable(), config.klAnchor(),
          config.civilianFidelity(), false);
    } catch (RuntimeException e) {
      base.close();
      throw e;
    }
  }
}
