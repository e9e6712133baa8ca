package org.visionzero.game.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.game.testing.ScoredGames;

class RaeAdvantagesTest {
  private static final double TOLERANCE = 1e-12;

  @Test
  void shouldUpdateBaselinesOnceFromTheBatchMeansAndUseTheUpdatedBaseline() {
    ScoredTrajectory first = ScoredGames.game("g1", 2, List.of(0.1, -0.4, 0.1, 0.2));
    ScoredTrajectory second = ScoredGames.game("g2", 4, List.of(0.0, 0.3, 0.3, -0.6));
    RaeBaselines before = new RaeBaselines(0.5, -0.1, 0.9);

    RaeAdvantages rae = RaeAdvantages.apply(before, List.of(first, second));

    double meanSpy = (-0.4 + -0.6) / 2;
    double meanCiv = (0.1 + 0.1 + 0.2 + 0.0 + 0.3 + 0.3) / 6;
    double bSpy = 0.9 * 0.5 + 0.1 * meanSpy;
    double bCiv = 0.9 * -0.1 + 0.1 * meanCiv;
    assertThat(rae.meanSpy().getAsDouble()).isCloseTo(meanSpy, within(TOLERANCE));
    assertThat(rae.meanCivilian().getAsDouble()).isCloseTo(meanCiv, within(TOLERANCE));
    assertThat(rae.baselines().bSpy()).isCloseTo(bSpy, within(TOLERANCE));
    assertThat(rae.baselines().bCiv()).isCloseTo(bCiv, within(TOLERANCE));
    assertThat(rae.advantage("g1", 2)).isCloseTo(-0.4 - bSpy, within(TOLERANCE));
    assertThat(rae.advantage("g1", 4)).isCloseTo(0.2 - bCiv, within(TOLERANCE));
    assertThat(rae.advantage("g2", 4)).isCloseTo(-0.6 - bSpy, within(TOLERANCE));
  }

  @Test
  void shouldUseRawRewardsAndKeepTheBaselinesWhenRaeIsOff() {
    ScoredTrajectory first = ScoredGames.game("g1", 2, List.of(0.1, -0.4, 0.1, 0.2));
    RaeBaselines before = new RaeBaselines(0.5, -0.1, 0.9);

    RaeAdvantages rae = RaeAdvantages.apply(before, List.of(first), false);

    assertThat(rae.baselines()).isEqualTo(before);
    assertThat(rae.advantage("g1", 2)).isEqualTo(-0.4);
    assertThat(rae.advantage("g1", 1)).isEqualTo(0.1);
    assertThat(rae.meanSpy().getAsDouble()).isCloseTo(-0.4, within(TOLERANCE));
    assertThat(rae.meanCivilian().getAsDouble()).isCloseTo(0.4 / 3, within(TOLERANCE));
  }

  @Test
  void shouldRefuseAGameWhoseRewardsDoNotMatchItsPlayers() {
    ScoredTrajectory broken = ScoredGames.game("bad", 2, List.of(0.1, -0.1));

    assertThatThrownBy(() -> RaeAdvantages.apply(RaeBaselines.initial(0.9), List.of(broken)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad")
        .hasMessageContaining("2 clue rewards for 4 players");
  }
}
