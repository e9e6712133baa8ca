package org.visionzero.trainer.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.visionzero.events.Phase;

class KlAnchorTest {

  @Test
  void shouldAnchorCluesToV0AsThePaperDoesButNotTheUntrainedDecisionHeadByDefault() {
    KlAnchor anchor = KlAnchor.defaults();

    assertThat(anchor.beta(Phase.CLUE)).isEqualTo(0.04);
    assertThat(anchor.beta(Phase.DECISION)).isZero();
  }

  @Test
  void shouldRefuseANegativeOrInfiniteBeta() {
    assertThatThrownBy(() -> new KlAnchor(-0.1, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(">= 0");
    assertThatThrownBy(() -> new KlAnchor(0.04, Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
  }
}
