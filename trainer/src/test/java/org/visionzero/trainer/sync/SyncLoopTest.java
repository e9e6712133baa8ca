package org.visionzero.trainer.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.visionzero.events.Phase;
import org.visionzero.game.config.GameConfig;
import org.visionzero.policy.scripted.RandomPolicy;
import org.visionzero.trainer.step.LearningRateSchedule;

class SyncLoopTest {

  @Test
  void shouldPlayScoreAndTrainEveryStepThenEvaluateAgainstV0() {
    ScriptedSyncModel model = new ScriptedSyncModel();
    SyncSettings settings = new SyncSettings("sync-test", RandomPolicy.NAME, GameConfig.code(), 2, 2, 3,
        new LearningRateSchedule(1e-3, 1, 3), 5, 4, 4);

    SyncResult result = new SyncLoop(settings, model, ScriptedSyncModel::pair, new MemoryPairImages()).run();

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
