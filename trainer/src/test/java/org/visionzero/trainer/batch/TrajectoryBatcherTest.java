package org.visionzero.trainer.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.visionzero.trainer.TestTrajectories.game;
import static org.visionzero.trainer.TestTrajectories.record;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.visionzero.events.Purpose;

class TrajectoryBatcherTest {

  @Test
  void shouldEmitBatchWhenGamesPerStepTrainingGamesArrived() {
    TrajectoryBatcher batcher = new TrajectoryBatcher(3, Map.of());

    assertThat(batcher.offer(record(0, 0, game("g1")))).isEmpty();
    assertThat(batcher.offer(record(1, 0, game("g2")))).isEmpty();
    Optional<StepBatch> batch = batcher.offer(record(0, 1, game("g3")));

    assertThat(batch).isPresent();
    assertThat(batch.get().gameIds()).containsExactly("g1", "g2", "g3");
    assertThat(batch.get().nextOffsets()).containsExactly(Map.entry(0, 2L), Map.entry(1, 1L));
    assertThat(batcher.pendingGames()).isZero();
  }

  @Test
  void shouldSkipEvaluationGamesButCountThemAsConsumed() {
    TrajectoryBatcher batcher = new TrajectoryBatcher(2, Map.of());

    batcher.offer(record(0, 0, game("g1")));
    assertThat(batcher.offer(record(2, 7, game("eval", Purpose.EVALUATION, 0)))).isEmpty();
    StepBatch batch = batcher.offer(record(0, 1, game("g2"))).orElseThrow();

    assertThat(batch.gameIds()).containsExactly("g1", "g2");
    assertThat(batch.skippedNonTraining()).isEqualTo(1);
    assertThat(batch.nextOffsets()).containsEntry(2, 8L);
  }

  @Test
  void shouldSnapshotOffsetsAtTheLastGameOfTheBatchWhenMoreRecordsFollow() {
    TrajectoryBatcher batcher = new TrajectoryBatcher(1, Map.of());

    StepBatch first = batcher.offer(record(0, 5, game("g1"))).orElseThrow();
    StepBatch second = batcher.offer(record(0, 6, game("g2"))).orElseThrow();

    assertThat(first.nextOffsets()).containsExactly(Map.entry(0, 6L));
    assertThat(second.nextOffsets()).containsExactly(Map.entry(0, 7L));
  }

  @Test
  void shouldIgnoreRecordsBelowTheRestoredOffsets() {
    TrajectoryBatcher batcher = new TrajectoryBatcher(1, Map.of(0, 10L));

    assertThat(batcher.offer(record(0, 9, game("already-trained")))).isEmpty();
    StepBatch batch = batcher.offer(record(0, 10, game("g-next"))).orElseThrow();

    assertThat(batch.gameIds()).containsExactly("g-next");
    assertThat(batch.duplicatesIgnored()).isEqualTo(1);
    assertThat(batch.nextOffsets()).containsExactly(Map.entry(0, 11L));
  }

  @Test
  void shouldRefuseANonPositiveBatchSize() {
    assertThatThrownBy(() -> new TrajectoryBatcher(0, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gamesPerStep");
  }
}
