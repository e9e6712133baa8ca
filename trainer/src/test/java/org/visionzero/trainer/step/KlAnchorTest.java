package org.visionzero.trainer.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.visionzero.events.Role;

class KlAnchorTest {

  @Test
  void shouldAnchorCluesToV0AsThePaperDoesButNotTheUntrainedDecisionHeadByDefault() {
    KlAnchor anchor = KlAnchor.defaults();

    assertThat(anchor.clue(Role.CIVILIAN)).isEqualTo(0.04);
    assertThat(anchor.clue(Role.SPY)).isEqualTo(0.04);
    assertThat(anchor.decision()).isZero();
  }

  @Test
  void shouldAnchorEachSpeakerRoleByItsOwnBeta() {
    KlAnchor anchor = new KlAnchor(0.04, 0.1, 0);

    assertThat(anchor.clue(Role.CIVILIAN)).isEqualTo(0.04);
    assertThat(anchor.clue(Role.SPY)).isEqualTo(0.1);
  }

  @Test
  void shouldRefuseANegativeOrInfiniteBeta() {
    assertThatThrownBy(() -> new KlAnchor(-0.1, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(">= 0");
    assertThatThrownBy(() -> new KlAnchor(0.04, Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new KlAnchor(0.04, Double.NaN, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
