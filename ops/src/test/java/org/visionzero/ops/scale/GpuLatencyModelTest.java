package org.visionzero.ops.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GpuLatencyModelTest {
  private static final GpuLatencyModel H100 = GpuLatencyModel.h100Vlm7B();

  @Test
  void clueBatchIsOverheadPlusPrefillPlusDecodeOfTheLongestClue() {
    // 10 ms + 8 × 1,300 × 40 µs + 30 × (7.3 ms + 8 × 0.06 ms)
    assertThat(H100.clueSeconds(8, 30)).isCloseTo(0.010 + 0.416 + 30 * 0.00778, within(1e-12));
    assertThat(H100.clueSeconds(1, 20)).isCloseTo(0.2092, within(1e-12));
  }

  @Test
  void decisionBatchDecodesEverySampleAsASequence() {
    // 8 turns of 8 votes: 64 sequences for 8 steps
    assertThat(H100.decisionSeconds(8, 8)).isCloseTo(0.010 + 0.416 + 8 * (0.0073 + 64 * 0.00006), within(1e-12));
  }

  @Test
  void anEmptyBatchTakesNoTime() {
    assertThat(H100.batchSeconds(0, 0, 40)).isZero();
  }

  @Test
  void batchingRaisesTurnsPerSecondButPrefillBoundsIt() {
    double one = 1 / H100.clueSeconds(1, 30);
    double sixteen = 16 / H100.clueSeconds(16, 30);
    assertThat(sixteen).isGreaterThan(3 * one);
    assertThat(sixteen).isLessThan(1 / (H100.promptTokens() * H100.prefillSecondsPerToken()));
  }

  @Test
  void clueLengthsAreReproducibleAndCoverTheirRange() {
    Set<Integer> seen = new HashSet<>();
    for (long seed = 0; seed < 2_000; seed++) {
      int tokens = H100.clueTokens(seed);
      assertThat(tokens).isBetween(20, 40).isEqualTo(H100.clueTokens(seed));
      seen.add(tokens);
    }
    assertThat(seen).hasSize(21);
  }

  @Test
  void refusesAnEmptyRangeOfClueLengths() {
    assertThatThrownBy(() -> new GpuLatencyModel(0, 1, 0, 0, 0, 30, 20, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
