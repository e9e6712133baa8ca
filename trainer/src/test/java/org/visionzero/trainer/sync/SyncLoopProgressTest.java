package org.visionzero.trainer.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.visionzero.game.config.GameConfig;
import org.visionzero.policy.scripted.RandomPolicy;
import org.visionzero.trainer.step.LearningRateSchedule;

/** The synchronous loop's periodic held-out evaluation points and its time limit. */
class SyncLoopProgressTest {

  private static SyncSettings settings(long steps) {
    return new SyncSettings("sync-progress", RandomPolicy.NAME, GameConfig.code(), 2, 2, steps,
        new LearningRateSchedule(1e-3, 1, steps), 5, 4, 4);
  }

  @Test
  void shouldEvaluateAtStepZeroEveryNStepsAndAtTheLastStep() {
    SyncSettings settings = settings(5).withEvaluation(2, 3);

    SyncResult result = new SyncLoop(settings, new ScriptedSyncModel(), ScriptedSyncModel::pair,
        new MemoryPairImages()).run();

    assertThat(result.points()).extracting(SyncResult.Point::step).containsExactly(0L, 2L, 4L, 5L);
    assertThat(result.points()).extracting(SyncResult.Point::gamesPlayed).containsExactly(0L, 4L, 8L, 10L);
    assertThat(result.points()).extracting(SyncResult.Point::policyVersion).containsExactly(0, 1, 2, 2);
    assertThat(result.points().get(0).seconds()).isZero();
    for (int i = 1; i < result.points().size(); i++) {
      SyncResult.Point point = result.points().get(i);
      assertThat(point.seconds()).isGreaterThanOrEqualTo(result.points().get(i - 1).seconds());
      assertThat(point.decisionAccuracy()).isBetween(0.0, 1.0);
      assertThat(point.noImageAccuracy()).isBetween(0.0, 1.0);
      assertThat(point.naRate()).isBetween(0.0, 1.0);
      assertThat(point.samples()).isPositive();
    }
    assertThat(result.points().get(3).seconds()).isLessThanOrEqualTo(result.seconds());
    assertThat(result.timeLimitReached()).isFalse();
    assertThat(result.toJson()).contains("\"timeLimitReached\":false,\"points\":[{\"step\":0,\"seconds\":0.0,")
        .contains("{\"step\":5,").endsWith("],\"referee\":\"v0\"}");
  }

  @Test
  void shouldStopAfterTheStepThatReachedTheTimeLimitAndEvaluateThere() {
    SyncSettings settings = settings(50).withEvaluation(10, 2).withTimeLimit(Optional.of(Duration.ofNanos(1)));

    SyncResult result = new SyncLoop(settings, new ScriptedSyncModel(), ScriptedSyncModel::pair,
        new MemoryPairImages()).run();

    assertThat(result.steps()).isEqualTo(1);
    assertThat(result.timeLimitReached()).isTrue();
    assertThat(result.points()).extracting(SyncResult.Point::step).containsExactly(0L, 1L);
    assertThat(result.heldOutDecisionAccuracy()).isBetween(0.0, 1.0);
  }

  @Test
  void shouldKeepTheOldConstructorsEvaluationEveryCheckpointWithoutTimeLimit() {
    SyncSettings settings = settings(3);

    assertThat(settings.evalEvery()).isEqualTo(settings.checkpointEvery());
    assertThat(settings.evalGames()).isEqualTo(settings.heldOutGames());
    assertThat(settings.timeLimit()).isEmpty();
  }
}
