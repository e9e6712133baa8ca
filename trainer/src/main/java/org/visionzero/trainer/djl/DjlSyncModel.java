package org.visionzero.trainer.djl;

import java.io.IOException;
import java.nio.file.Path;
import org.visionzero.game.config.GameConfig;
import org.visionzero.policy.Policy;
import org.visionzero.policy.model.ModelPolicy;
import org.visionzero.policy.model.VzModel;
import org.visionzero.trainer.inputs.TurnInputs;
import org.visionzero.trainer.step.CivilianFidelity;
import org.visionzero.trainer.step.KlAnchor;
import org.visionzero.trainer.step.Learner;
import org.visionzero.trainer.step.TrainableParameters;
import org.visionzero.trainer.sync.MemoryPairImages;
import org.visionzero.trainer.sync.SyncModel;

/**
 * The synchronous loop's model: one DJL model that plays (through the policy's {@link ModelPolicy}) and learns
 * (through {@link DjlLearner}), and a frozen copy of the starting weights as v0.
 */
public final class DjlSyncModel implements SyncModel {
  private final DjlLearner learner;
  private final ModelPolicy current;
  private final ModelPolicy base;

  private DjlSyncModel(DjlLearner learner, VzModel frozenBase) {
    this.learner = learner;
    this.current = new ModelPolicy(learner.model(), false);
    this.base = new ModelPolicy(frozenBase, true);
  }

  /**
   * @param baseCheckpoint v0 from pretraining, or null for a seeded random model
   * @param inFlight       where the learner finds the images of the games being trained on
   * @param trainable      which parameters each phase trains
   * @param klAnchor       β of the KL term to v0, per speaker role and for decisions
   * @param fidelity       the civilians' fidelity term of CLUE steps
   */
  public static DjlSyncModel create(GameConfig rules, Path baseCheckpoint, long seed, String device,
      MemoryPairImages inFlight, TrainableParameters trainable, KlAnchor klAnchor, CivilianFidelity fidelity)
      throws IOException {
    VzModel model = DjlLearner.baseModel(baseCheckpoint, seed, device);
    VzModel frozen = model.copy();
    DjlLearner learner = new DjlLearner(model, new TurnInputs(rules, inFlight), trainable, klAnchor, fidelity,
        false);
    return new DjlSyncModel(learner, frozen);
  }

  @Override
  public Learner learner() {
    return learner;
  }

  @Override
  public Policy current() {
    return current;
  }

  @Override
  public Policy base() {
    return base;
  }

  @Override
  public void version(int version) {
    learner.model().setVersion(version);
  }

  @Override
  public void close() {
    base.close();
    learner.close();
  }
}
