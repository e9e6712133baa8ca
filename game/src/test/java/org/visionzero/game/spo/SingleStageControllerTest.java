package org.visionzero.game.spo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.visionzero.events.Phase;
import org.visionzero.game.config.GameConfig;
import org.visionzero.game.config.GameConfig.PhaseSchedule;

class SingleStageControllerTest {
  private static final DecisionRates PERFECT = new DecisionRates(1.0, 0.0);
  private static final DecisionRates HOPELESS = new DecisionRates(0.0, 1.0);

  @Test
  void shouldTrainOnlyCluesWhateverTheMetrics() {
    PhaseController controller = PhaseController.fromConfig(rules(PhaseSchedule.CLUE_ONLY));

    for (int step = 0; step < 20; step++) {
      assertThat(controller.phase()).isEqualTo(Phase.CLUE);
      PhaseStep next = controller.afterStep(step % 2 == 0 ? PERFECT : HOPELESS);
      assertThat(next.change()).isEmpty();
      controller = next.next();
    }
    assertThat(controller.steps()).isEqualTo(20);
  }

  @Test
  void shouldTrainOnlyDecisionsAndRoundTripThroughItsSavedState() {
    GameConfig rules = rules(PhaseSchedule.DECISION_ONLY);
    PhaseController controller = PhaseController.fromConfig(rules).afterStep(PERFECT).next().afterStep(PERFECT).next();

    PhaseControllerState saved = PhaseControllerState.fromBytes(controller.save().toBytes());
    PhaseController restored = PhaseController.restore(rules, saved);

    assertThat(restored).isEqualTo(controller);
    assertThat(restored.phase()).isEqualTo(Phase.DECISION);
    assertThat(restored.steps()).isEqualTo(2);
  }

  @Test
  void shouldRefuseToRestoreAnotherSchedulesState() {
    PhaseControllerState clueOnly = PhaseController.fromConfig(rules(PhaseSchedule.CLUE_ONLY)).save();

    assertThatThrownBy(() -> PhaseController.restore(rules(PhaseSchedule.DECISION_ONLY), clueOnly))
        .hasMessageContaining("CLUE_ONLY").hasMessageContaining("DECISION_ONLY");
  }

  @Test
  void shouldReadScheduleSettingNames() {
    assertThat(PhaseSchedule.fromSettingName("clue-only")).isEqualTo(PhaseSchedule.CLUE_ONLY);
    assertThat(PhaseSchedule.fromSettingName(" Decision-Only ")).isEqualTo(PhaseSchedule.DECISION_ONLY);
    assertThat(PhaseSchedule.FIXED_CYCLE.settingName()).isEqualTo("fixed-cycle");
    assertThatThrownBy(() -> PhaseSchedule.fromSettingName("alternate"))
        .hasMessageContaining("fixed-cycle, hysteresis, clue-only or decision-only");
  }

  private static GameConfig rules(PhaseSchedule schedule) {
    return GameConfig.code().toBuilder().phaseSchedule(schedule).build();
  }
}
