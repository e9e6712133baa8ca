package org.visionzero.workers.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchAccumulatorTest {
  private static final long MS = 1_000_000L;

  @Test
  void shouldBeReadyWhenFullBeforeTheWaitEnds() {
    BatchAccumulator<Integer> acc = new BatchAccumulator<>(3, Duration.ofMillis(50));
    acc.addAll(List.of(1, 2), 0);
    assertThat(acc.isReady(1 * MS)).isFalse();

    acc.addAll(List.of(3, 4), 2 * MS);

    assertThat(acc.isReady(2 * MS)).isTrue();
    assertThat(acc.drain(2 * MS)).containsExactly(1, 2, 3);
    assertThat(acc.size()).isEqualTo(1);
  }

  @Test
  void shouldBeReadyWhenTheOldestRecordWaitedLongEnough() {
    BatchAccumulator<Integer> acc = new BatchAccumulator<>(10, Duration.ofMillis(20));
    acc.addAll(List.of(1), 100 * MS);
    acc.addAll(List.of(2), 115 * MS);

    assertThat(acc.isReady(119 * MS)).isFalse();
    assertThat(acc.isReady(120 * MS)).isTrue();
    assertThat(acc.drain(120 * MS)).containsExactly(1, 2);
  }

  @Test
  void shouldNeverBeReadyWhenEmpty() {
    BatchAccumulator<Integer> acc = new BatchAccumulator<>(1, Duration.ZERO);
    assertThat(acc.isReady(Long.MAX_VALUE / 2)).isFalse();
  }

  @Test
  void shouldLetCallerBlockOnlyUntilTheBatchIsDue() {
    BatchAccumulator<Integer> acc = new BatchAccumulator<>(10, Duration.ofMillis(20));
    Duration idle = Duration.ofMillis(100);
    assertThat(acc.timeUntilDue(0, idle)).isEqualTo(idle);

    acc.addAll(List.of(1), 0);

    assertThat(acc.timeUntilDue(5 * MS, idle)).isEqualTo(Duration.ofMillis(15));
    assertThat(acc.timeUntilDue(30 * MS, idle)).isEqualTo(Duration.ZERO);
  }

  @Test
  void shouldDropDiscardedRecordsAndKeepTheRestInOrder() {
    BatchAccumulator<Integer> acc = new BatchAccumulator<>(10, Duration.ofMillis(20));
    acc.addAll(List.of(1, 2, 3, 4), 0);

    acc.discardIf(i -> i % 2 == 0);

    assertThat(acc.drain(0)).containsExactly(1, 3);
    assertThat(acc.isEmpty()).isTrue();
  }
}
