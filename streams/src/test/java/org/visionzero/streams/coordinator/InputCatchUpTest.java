package org.visionzero.streams.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class InputCatchUpTest {
  private static final long START = 1_000_000L;
  private static final long IDLE = 2_000L;

  @Test
  void givenABacklog_whenItsRecordsKeepComing_thenTheTaskIsNotLiveUntilARecordWrittenAfterTheStart() {
    InputCatchUp catchUp = new InputCatchUp(START, IDLE);

    catchUp.onRecord(START - 60_000, START + 500);
    catchUp.onRecord(START - 59_000, START + 1_900);
    assertThat(catchUp.isLive(START + 3_000)).isFalse(); // the last backlog record came 1.1 s ago
    assertThatThrownBy(catchUp::liveSince).hasMessageContaining("not caught up");
    assertThat(catchUp.liveSinceOrEpoch()).isEqualTo(Instant.EPOCH);

    catchUp.onRecord(START + 2_500, START + 3_100); // written after the start: the backlog is behind it

    assertThat(catchUp.isLive(START + 3_200)).isTrue();
    assertThat(catchUp.liveSince()).isEqualTo(Instant.ofEpochMilli(START + 3_100));
  }

  @Test
  void givenNoInput_whenIdleLongEnough_thenTheTaskIsLiveFromThenOnAndStaysLive() {
    InputCatchUp catchUp = new InputCatchUp(START, IDLE);

    assertThat(catchUp.isLive(START + IDLE - 1)).isFalse();
    assertThat(catchUp.isLive(START + IDLE)).isTrue();
    catchUp.onRecord(START - 99_000, START + IDLE + 10); // a late backlog record changes nothing any more

    assertThat(catchUp.isLive(START + IDLE + 20)).isTrue();
    assertThat(catchUp.liveSince()).isEqualTo(Instant.ofEpochMilli(START + IDLE));
  }

  @Test
  void shouldRefuseANonPositiveIdlePeriod() {
    assertThatThrownBy(() -> new InputCatchUp(START, 0)).hasMessageContaining("idleMs must be at least 1");
  }
}
