package org.visionzero.trainer.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
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
  void shouldEvaluateAfterEachIntervalOfTheClockWhenGivenAnInterval() {
    AtomicLong nanos = new AtomicLong();
    // Every read of the clock is one second later: evaluations are then due by time, not by step count.
    LongSupplier clock = () -> nanos.addAndGet(1_000_000_000L);
    SyncSettings settings = settings(40).withEvaluation(1_000, 2).withEvalInterval(Duration.ofSeconds(10));

    SyncResult result = new SyncLoop(settings, new ScriptedSyncModel(), ScriptedSyncModel::pair,
        new MemoryPairImages(), clock).run();

    List<SyncResult.Point> points = result.points();
    assertThat(points.size()).as("step 0, every 10 s, the last step").isBetween(4, 40);
    assertThat(points.get(0).step()).isZero();
    assertThat(points.get(points.size() - 1).step()).isEqualTo(40);
    for (int i = 1; i < points.size() - 1; i++) {
      assertThat(points.get(i).seconds() - points.get(i - 1).seconds()).as("gap before point " + i)
          .isGreaterThanOrEqualTo(10.0);
    }
  }

  @Test
  void shouldRefuseANegativeEvaluationInterval() {
    assertThatThrownBy(() -> settings(3).withEvalInterval(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be negative");
  }

  @Test
  void shouldKeepTheOldConstructorsEvaluationEveryCheckpointWithoutTimeLimit() {
    SyncSettings settings = settings(3);

    assertThat(settings.evalEvery()).isEqualTo(settings.checkpointEvery());
    assertThat(settings.evalGames()).isEqualTo(settings.heldOutGames());
    assertThat(settings.timeLimit()).isEmpty();
    assertThat(settings.evalInterval()).isZero();
  }
}
