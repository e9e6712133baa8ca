package org.visionzero.trainer.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.visionzero.events.Phase;
import org.visionzero.game.config.GameConfig.PhaseSchedule;
import org.visionzero.game.reward.RaeBaselines;
import org.visionzero.game.spo.PhaseControllerState;

class TrainerStateCodecTest {

  private static TrainerState sample(Map<Integer, Long> offsets) {
    return new TrainerState(42, 7, new RaeBaselines(-0.0312, 0.0104, 0.9),
        new PhaseControllerState(PhaseSchedule.HYSTERESIS, Phase.CLUE, 41, 3, 0.83, 0.04), new TreeMap<>(offsets),
        new TrainerState.Counters(336, 1, 12),
        new TrainerState.Ledger("ab".repeat(32), List.of("g-1", "g-2", "g-ü")));
  }

  @Test
  void shouldRoundTripEveryField() {
    TrainerState state = sample(Map.of(0, 120L, 3, 7L, 1, 0L));

    assertThat(TrainerStateCodec.decode(TrainerStateCodec.encode(state))).isEqualTo(state);
  }

  @Test
  void shouldGiveIdenticalBytesForEqualStatesWhateverTheMapOrder() {
    TreeMap<Integer, Long> ascending = new TreeMap<>(Map.of(0, 1L, 1, 2L, 2, 3L));
    java.util.LinkedHashMap<Integer, Long> reversed = new java.util.LinkedHashMap<>();
    reversed.put(2, 3L);
    reversed.put(1, 2L);
    reversed.put(0, 1L);

    assertThat(TrainerStateCodec.encode(sample(ascending))).isEqualTo(TrainerStateCodec.encode(sample(reversed)));
  }

  @Test
  void shouldRefuseBytesThatAreNotATrainerState() {
    assertThatThrownBy(() -> TrainerStateCodec.decode("PK\u0003\u0004 a zip".getBytes()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a trainer state");
  }

  @Test
  void shouldRefuseATruncatedState() {
    byte[] bytes = TrainerStateCodec.encode(sample(Map.of(0, 5L)));

    assertThatThrownBy(() -> TrainerStateCodec.decode(Arrays.copyOf(bytes, bytes.length - 3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("truncated");
  }

  @Test
  void shouldRefuseTrailingBytes() {
    byte[] bytes = TrainerStateCodec.encode(sample(Map.of(0, 5L)));

    assertThatThrownBy(() -> TrainerStateCodec.decode(Arrays.copyOf(bytes, bytes.length + 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("trailing");
  }
}
