package org.visionzero.policy.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden sums of the echo mixture: a clue's per-token log-probs add up to log(π [y = e] + (1 − π) p(y)). */
class EchoMixtureTest {

  private static final float[] OWN = {(float) Math.log(0.5), (float) Math.log(0.25), (float) Math.log(0.8)};
  private static final float LOGIT = (float) Math.log(0.2 / 0.8); // π = 0.2

  private static double sum(float[] values) {
    double total = 0;
    for (float v : values) {
      total += v;
    }
    return total;
  }

  @Test
  void givenTheClueIsTheEcho_thenItsProbabilityIsEchoPlusGenerated() {
    float[] mixed = EchoMixture.logProbs(OWN, List.of(5, 6, 2), List.of(5, 6, 2), LOGIT);

    // 0.2 + 0.8 × (0.5 × 0.25 × 0.8) = 0.28
    assertThat(sum(mixed)).isCloseTo(Math.log(0.28), within(1e-6));
    // First token: 0.2 + 0.8 × 0.5 = 0.6.
    assertThat(mixed[0]).isCloseTo((float) Math.log(0.6), within(1e-6f));
  }

  @Test
  void givenTheClueLeavesTheEcho_thenOnlyTheGeneratedWayRemains() {
    float[] mixed = EchoMixture.logProbs(OWN, List.of(5, 7, 2), List.of(5, 6, 2), LOGIT);

    // 0.8 × 0.5 × 0.25 × 0.8 = 0.08
    assertThat(sum(mixed)).isCloseTo(Math.log(0.08), within(1e-6));
    // Once the clue has left the echo, every later token is the decoder's own.
    assertThat(mixed[2]).isCloseTo(OWN[2], within(1e-6f));
  }

  @Test
  void givenNoEcho_thenTheDecodersLogProbsAreTheClues() {
    assertThat(EchoMixture.logProbs(OWN, List.of(5, 6, 2), List.of(), LOGIT)).containsExactly(OWN);
  }

  @Test
  void shouldTurnTheLogitIntoTheEchoProbability() {
    assertThat(EchoMixture.echoProbability(LOGIT)).isCloseTo(0.2, within(1e-9));
    assertThat(EchoMixture.echoProbability(
        (float) Math.log(ModelConfig.ECHO_PRIOR / (1 - ModelConfig.ECHO_PRIOR))))
        .isCloseTo(ModelConfig.ECHO_PRIOR, within(1e-6));
  }
}
