package org.visionzero.game.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.visionzero.events.DecisionMode;
import org.visionzero.game.config.GameConfig.DecisionRewardShape;
import org.visionzero.game.config.GameConfig.Mode;
import org.visionzero.game.config.GameConfig.PhaseSchedule;

class GameConfigTest {

  @Test
  void shouldFollowTheAuthorsCodeByDefault() {
    GameConfig code = GameConfig.code();

    assertThat(code.mode()).isEqualTo(Mode.CODE);
    assertThat(code.numPlayers()).isEqualTo(4);
    assertThat(code.numCivilians()).isEqualTo(3);
    assertThat(code.numSpies()).isEqualTo(1);
    assertThat(code.clueRounds()).isEqualTo(2);
    assertThat(code.decisionMode()).isEqualTo(DecisionMode.OBSERVER);
    assertThat(code.decisionSamples()).isEqualTo(8);
    assertThat(code.blankSpyImage()).isFalse();
    assertThat(code.clueBeta()).isEqualTo(0.1);
    assertThat(code.clueLambda()).isEqualTo(0.1);
    assertThat(code.raeAlpha()).isEqualTo(0.9);
    assertThat(code.decisionRewardShape()).isEqualTo(DecisionRewardShape.CODE);
    assertThat(code.formatMinReasoningChars()).isEqualTo(10);
    assertThat(code.phaseSchedule()).isEqualTo(PhaseSchedule.FIXED_CYCLE);
    assertThat(code.cycleLength()).isEqualTo(1);
    assertThat(code.temperature()).isEqualTo(0.8f);
    assertThat(code.maxAttempts()).isEqualTo(3);
    assertThat(code.turnTimeout()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void shouldFollowThePaperInPaperMode() {
    GameConfig paper = GameConfig.paper();

    assertThat(paper.mode().wireName()).isEqualTo("paper");
    assertThat(paper.numPlayers()).isEqualTo(5);
    assertThat(paper.decisionMode()).isEqualTo(DecisionMode.CIVILIAN_VOTES);
    assertThat(paper.decisionSamples()).isEqualTo(1);
    assertThat(paper.blankSpyImage()).isTrue();
    assertThat(paper.raeAlpha()).isEqualTo(0.95);
    assertThat(paper.decisionRewardShape()).isEqualTo(DecisionRewardShape.PAPER);
    assertThat(paper.phaseSchedule()).isEqualTo(PhaseSchedule.HYSTERESIS);
    assertThat(paper.emaRho()).isEqualTo(0.95);
    assertThat(paper.clueSwitchMinAccuracy()).isEqualTo(0.9);
    assertThat(paper.clueSwitchMaxNaRate()).isEqualTo(0.1);
    assertThat(paper.decisionSwitchMinError()).isEqualTo(0.4);
    assertThat(paper.decisionSwitchMinNaRate()).isEqualTo(0.5);
    assertThat(paper.dwellSteps()).isEqualTo(5);
    assertThat(paper.patienceSteps()).isEqualTo(20);
    assertThat(paper.patienceEnabled()).isFalse();
  }

  @Test
  void shouldCopyEverySettingThroughTheBuilder() {
    GameConfig paper = GameConfig.paper();

    assertThat(paper.toBuilder().build()).isEqualTo(paper);
    assertThat(GameConfig.forMode(Mode.PAPER)).isEqualTo(paper);
    assertThat(GameConfig.forMode(Mode.CODE)).isEqualTo(GameConfig.code());
    assertThat(GameConfig.code().toBuilder().cycleLength(10).patienceEnabled(true).build())
        .satisfies(c -> assertThat(c.cycleLength()).isEqualTo(10))
        .satisfies(c -> assertThat(c.patienceEnabled()).isTrue());
  }

  @Test
  void shouldReadModeNamesCaseInsensitively() {
    assertThat(Mode.fromWireName(" Code ")).isEqualTo(Mode.CODE);
    assertThat(Mode.fromWireName("PAPER")).isEqualTo(Mode.PAPER);
    assertThatThrownBy(() -> Mode.fromWireName("arxiv")).hasMessageContaining("use 'code' or 'paper'");
  }

  @Test
  void shouldRejectEveryOutOfRangeSettingWithItsName() {
    GameConfig.Builder base = GameConfig.code().toBuilder();
    assertRejected(GameConfig.code().toBuilder().numPlayers(10), "numPlayers must be in 3..9, was 10");
    assertRejected(GameConfig.code().toBuilder().numPlayers(2), "numPlayers must be in 3..9, was 2");
    assertRejected(GameConfig.code().toBuilder().numSpies(2), "numSpies must be 1");
    assertRejected(GameConfig.code().toBuilder().clueRounds(0), "clueRounds must be >= 1");
    assertRejected(GameConfig.code().toBuilder().decisionSamples(0), "decisionSamples must be >= 1");
    assertRejected(GameConfig.code().toBuilder().decisionMode(DecisionMode.CIVILIAN_VOTES),
        "decisionSamples must be 1 when civilians vote");
    assertRejected(GameConfig.code().toBuilder().temperature(0f), "temperature must be a finite number > 0");
    assertRejected(GameConfig.code().toBuilder().temperature(Float.POSITIVE_INFINITY), "temperature");
    assertRejected(GameConfig.code().toBuilder().clueBeta(-0.1), "clueBeta must be a finite number >= 0");
    assertRejected(GameConfig.code().toBuilder().clueLambda(Double.NaN), "clueLambda");
    assertRejected(GameConfig.code().toBuilder().clueBeta(Double.POSITIVE_INFINITY), "clueBeta");
    assertRejected(GameConfig.code().toBuilder().raeAlpha(1.0), "raeAlpha must be in [0, 1)");
    assertRejected(GameConfig.code().toBuilder().formatMinReasoningChars(-1), "formatMinReasoningChars");
    assertRejected(GameConfig.code().toBuilder().cycleLength(0), "cycleLength must be >= 1");
    assertRejected(GameConfig.code().toBuilder().emaRho(-0.5), "emaRho must be in [0, 1)");
    assertRejected(GameConfig.code().toBuilder().clueSwitchMinAccuracy(1.5), "clueSwitchMinAccuracy must be in [0, 1]");
    assertRejected(GameConfig.code().toBuilder().clueSwitchMaxNaRate(-1), "clueSwitchMaxNaRate");
    assertRejected(GameConfig.code().toBuilder().decisionSwitchMinError(2), "decisionSwitchMinError");
    assertRejected(GameConfig.code().toBuilder().decisionSwitchMinNaRate(2), "decisionSwitchMinNaRate");
    assertRejected(GameConfig.code().toBuilder().dwellSteps(-1), "dwellSteps must be >= 0");
    assertRejected(GameConfig.code().toBuilder().patienceSteps(0), "patienceSteps must be >= 1");
    assertRejected(GameConfig.code().toBuilder().maxAttempts(0), "maxAttempts must be >= 1");
    assertRejected(GameConfig.code().toBuilder().turnTimeout(Duration.ZERO), "turnTimeout must be positive");
    assertThatThrownBy(() -> base.mode(null).build()).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("mode");
  }

  private static void assertRejected(GameConfig.Builder builder, String message) {
    assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
  }
}
