package org.visionzero.game.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.visionzero.events.ScoredDecision;
import org.visionzero.game.testing.ScoredGames;

class DecisionAdvantageTest {
  private final List<ScoredDecision> group = ScoredGames.played().getDecisions();

  @Test
  void shouldCentreTheRawRewardsOrTakeTheScorersNormalisedAdvantages() {
    double[] rewards = group.stream().mapToDouble(ScoredDecision::getReward).toArray();

    assertThat(DecisionAdvantage.CENTERED.of(group)).containsExactly(GroupNormalization.centered(rewards));
    assertThat(DecisionAdvantage.NORMALIZED.of(group))
        .containsExactly(GroupNormalization.advantages(rewards), within(1e-12))
        .containsExactly(group.stream().mapToDouble(ScoredDecision::getAdvantage).toArray());
  }

  @Test
  void shouldRefuseAnUnknownConfigNameWithTheChoices() {
    assertThatThrownBy(() -> DecisionAdvantage.fromConfigName("std"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'centered' or 'normalized'");
    assertThat(DecisionAdvantage.fromConfigName("normalized")).isEqualTo(DecisionAdvantage.NORMALIZED);
    assertThat(DecisionAdvantage.CENTERED.configName()).isEqualTo("centered");
  }
}
