package org.visionzero.trainer.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.visionzero.events.Phase;
import org.visionzero.game.config.GameConfig;
import org.visionzero.policy.Policy;
import org.visionzero.policy.Vocabulary;
import org.visionzero.policy.scripted.RandomPolicy;
import org.visionzero.trainer.inputs.PairPictures;
import org.visionzero.trainer.sample.TrainingSample;
import org.visionzero.trainer.step.Learner;
import org.visionzero.trainer.step.LearningRateSchedule;
import org.visionzero.trainer.step.PreparedUpdate;
import org.visionzero.trainer.step.StepMetrics;

class SyncLoopTest {

  /** Scripted players and a learner that records which phase's samples it was given. */
  private static final class ScriptedModel implements SyncModel {
    final RandomPolicy random = new RandomPolicy(Vocabulary.standard());
    final List<Phase> phases = new ArrayList<>();
    final List<Integer> versions = new ArrayList<>();

    @Override
    public Learner learner() {
      return new Learner() {
        @Override
        public PreparedUpdate compute(Phase phase, List<TrainingSample> samples, double learningRate) {
          phases.add(phase);
          StepMetrics metrics = new StepMetrics(0.5, 0.0, 0.0, 1.0, samples.size());
          return new PreparedUpdate() {
            @Override public StepMetrics metrics() { return metrics; }
            @Override public void apply() { }
            @Override public void discard() { }
          };
        }
        @Override public String architecture() { return "scripted"; }
        @Override public String mediaType() { return "application/octet-stream"; }
        @Override public byte[] save(int version, Map<String, byte[]> sections) { return new byte[0]; }
        @Override public Map<String, byte[]> load(byte[] checkpoint) { return Map.of(); }
        @Override public void close() { }
      };
    }

    @Override public Policy current() { return random; }
    @Override public Policy base() { return random; }
    @Override public void version(int version) { versions.add(version); }
    @Override public void close() { }
  }

  private static PairPictures pair(long seed) {
    BufferedImage original = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
    BufferedImage modified = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
    modified.setRGB((int) (seed % 16), 0, 0xFF0000);
    return new PairPictures(original, modified, "in the odd picture two objects differ");
  }

  @Test
  void shouldPlayScoreAndTrainEveryStepThenEvaluateAgainstV0() {
    ScriptedModel model = new ScriptedModel();
    SyncSettings settings = new SyncSettings("sync-test", RandomPolicy.NAME, GameConfig.code(), 2, 2, 3,
        new LearningRateSchedule(1e-3, 1, 3), 5, 4, 4);

    SyncResult result = new SyncLoop(settings, model, SyncLoopTest::pair, new MemoryPairImages()).run();

    assertThat(result.steps()).isEqualTo(3);
    assertThat(result.appliedSteps()).isEqualTo(3);
    assertThat(result.gamesPlayed()).isEqualTo(6);
    assertThat(result.finalPolicyVersion()).isEqualTo(1);
    assertThat(model.versions).containsExactly(1);
    assertThat(model.phases).containsExactly(Phase.DECISION, Phase.CLUE, Phase.DECISION);
    assertThat(result.heldOutDecisionAccuracy()).isBetween(0.0, 1.0);
    assertThat(result.winRateVsV0()).isEqualTo((result.winRateAsCivilians() + result.winRateAsSpy()) / 2);
    assertThat(result.toJson()).startsWith("{\"runId\":\"sync-test\"").contains("\"heldOutDecisionAccuracy\":")
        .contains("\"winRateVsV0\":").endsWith("\"referee\":\"v0\"}");
  }
}
