package org.visionzero.trainer.djl;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.visionzero.events.Phase;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.game.config.GameConfig;
import org.visionzero.game.reward.RaeBaselines;
import org.visionzero.policy.checkpoint.Checkpoints;
import org.visionzero.policy.model.ParameterSet;
import org.visionzero.policy.model.VzModel;
import org.visionzero.trainer.TestTrajectories;
import org.visionzero.trainer.inputs.PairImages;
import org.visionzero.trainer.inputs.PairPictures;
import org.visionzero.trainer.inputs.TurnInputs;
import org.visionzero.trainer.sample.PhaseSampleSelector;
import org.visionzero.game.reward.RaeAdvantages;
import org.visionzero.trainer.sample.TrainingSample;
import org.visionzero.trainer.step.PreparedUpdate;

/** The GRPO step on the real (small) DJL model, on CPU; a few seconds. */
class DjlLearnerTest {
  private static final String DEVICE = "cpu";
  private final BufferedImage original = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
  private final BufferedImage modified = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
  private final PairImages images = pairId -> new PairPictures(original, modified, "two objects differ");
  private final List<ScoredTrajectory> batch = List.of(TestTrajectories.game("g1"), TestTrajectories.game("g2"));
  private final RaeAdvantages rae = RaeAdvantages.apply(RaeBaselines.initial(0.9), batch);

  private DjlLearner learner(long seed) throws Exception {
    modified.setRGB(3, 3, 0xFF0000);
    return new DjlLearner(DjlLearner.baseModel(null, seed, DEVICE), new TurnInputs(GameConfig.code(), images));
  }

  private List<TrainingSample> samples(Phase phase) {
    return PhaseSampleSelector.select(phase, batch, rae);
  }

  private static float[] weights(DjlLearner learner, String name) {
    return learner.model().parameters().get(name).toFloatArray();
  }

  @Test
  void shouldChangeTheWeightsOnlyWhenAFiniteUpdateIsApplied() throws Exception {
    try (DjlLearner learner = learner(7)) {
      String name = learner.model().parameters().names(n -> n.startsWith("decision.")).get(0);
      float[] before = weights(learner, name);

      PreparedUpdate discarded = learner.compute(Phase.DECISION, samples(Phase.DECISION), 1e-2);
      discarded.discard();
      float[] afterDiscard = weights(learner, name);
      PreparedUpdate applied = learner.compute(Phase.DECISION, samples(Phase.DECISION), 1e-2);
      applied.apply();

      assertThat(discarded.metrics().finite()).isTrue();
      assertThat(discarded.metrics().gradNorm()).isPositive();
      assertThat(afterDiscard).containsExactly(before);
      assertThat(Arrays.equals(weights(learner, name), before)).isFalse();
    }
  }

  @Test
  void shouldRestoreWeightsOptimizerStateAndSectionsFromItsCheckpoint() throws Exception {
    try (DjlLearner trained = learner(7); DjlLearner fresh = learner(99)) {
      trained.compute(Phase.CLUE, samples(Phase.CLUE), 1e-2).apply();
      byte[] checkpoint = trained.save(3, Map.of("trainer-state", new byte[] {4, 2}));

      Map<String, byte[]> sections = fresh.load(checkpoint);

      assertThat(sections.get("trainer-state")).containsExactly(4, 2);
      assertThat(fresh.model().version()).isEqualTo(3);
      assertThat(fresh.architecture()).isEqualTo(trained.architecture());
      assertThat(fresh.save(3, Map.of("trainer-state", new byte[] {4, 2}))).isEqualTo(checkpoint);
    }
  }

  @Test
  void shouldTrainTheSpeakerInClueStepsAndNeverTheListener() throws Exception {
    try (DjlLearner learner = learner(7)) {
      Map<String, float[]> base = learner.model().parameters().values();

      learner.compute(Phase.CLUE, samples(Phase.CLUE), 1e-2).apply();
      learner.save(1, Map.of());
      ParameterChange change = learner.changeFromBase();

      ParameterChange.Part decoder = change.part(ParameterSet.DECODER);
      assertThat(decoder.changed()).as("CLUE steps change the speaker").isGreaterThan(decoder.weights() / 2);
      assertThat(change.part(ParameterSet.LISTENER).weights()).isPositive();
      assertThat(change.part(ParameterSet.LISTENER).changed()).isZero();
      assertThat(change.part(ParameterSet.ENCODER).changed()).isZero();
      assertThat(change.part(ParameterSet.DECISION).changed()).isZero();
      assertThat(Arrays.equals(weights(learner, "listener.gru.wx"), base.get("decoder.gru.wx"))).isTrue();
    }
  }

  @Test
  void shouldGiveTheListenerItsOwnCopyWhenLoadingACheckpointWithoutOne() throws Exception {
    try (DjlLearner trained = learner(7); DjlLearner fresh = learner(99)) {
      byte[] withoutListener = Checkpoints.save(withoutListenerCopy(trained));

      fresh.load(withoutListener);

      assertThat(fresh.model().parameters().hasOwnListener()).isTrue();
      assertThat(Arrays.equals(weights(fresh, "listener.out.w"), weights(trained, "decoder.out.w"))).isTrue();
    }
  }

  /** A model with the learner's weights but a listener tied to its decoder (a checkpoint of before the listener). */
  private static VzModel withoutListenerCopy(DjlLearner learner) {
    Map<String, float[]> values = learner.model().parameters().values();
    values.keySet().removeIf(name -> name.startsWith(ParameterSet.LISTENER));
    VzModel model = learner.model();
    return VzModel.fromValues(model.config(), model.vocabulary(), values, 2, model.device());
  }
}
