package org.visionzero.ops.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.visionzero.ops.eval.EvalArm;
import org.visionzero.streams.config.CoordinatorConfig;
import org.visionzero.trainer.TrainerConfig;

class VzRunConfigTest {

  @Test
  void shouldPassTheGameShapeToTheCoordinatorAndTheAblationSwitchesToTheTrainer() {
    VzRunConfig config = new VzRunConfig(Map.of("game.players", "5", "game.clue.rounds", "3",
        "trainer.rae.enabled", "false", "trainer.phase.schedule", "clue-only", "trainer.clue.kl.beta", "0.1"));

    assertThat(config.gameShape()).containsEntry(CoordinatorConfig.GAME_PLAYERS, 5)
        .containsEntry(CoordinatorConfig.GAME_CLUE_ROUNDS, 3);
    TrainerConfig trainer = new TrainerConfig(config.trainerSettings());
    assertThat(trainer.rules().raeEnabled()).isFalse();
    assertThat(trainer.rules().phaseSchedule().settingName()).isEqualTo("clue-only");
    assertThat(trainer.klAnchor().civilianClue()).isEqualTo(0.1);
    assertThat(trainer.klAnchor().spyClue()).isEqualTo(0.1);
  }

  @Test
  void shouldKeepTheModesShapeAndRaeByDefault() {
    VzRunConfig config = new VzRunConfig(Map.of());

    assertThat(config.gameShape()).containsEntry(CoordinatorConfig.GAME_PLAYERS, CoordinatorConfig.FROM_MODE)
        .containsEntry(CoordinatorConfig.GAME_CLUE_ROUNDS, CoordinatorConfig.FROM_MODE);
    assertThat(new TrainerConfig(config.trainerSettings()).rules().raeEnabled()).isTrue();
  }

  @Test
  void shouldPlayEveryEvaluationArmByDefaultAndTheListedOnesWhenAsked() {
    assertThat(new VzRunConfig(Map.of()).evalArms()).containsExactly(EvalArm.values());
    assertThat(new VzRunConfig(Map.of("eval.arms", "no-image, decision")).evalArms())
        .containsExactly(EvalArm.DECISION, EvalArm.NO_IMAGE);
    assertThatThrownBy(() -> new VzRunConfig(Map.of("eval.arms", "decision,clue-as-judge")))
        .isInstanceOf(VzConfigException.class).hasMessageContaining("eval.arms")
        .hasMessageContaining("clue-as-judge").hasMessageContaining("no-image");
  }

  @Test
  void shouldRefuseAnImpossibleTableBeforeAnythingStarts() {
    assertThatThrownBy(() -> new VzRunConfig(Map.of("game.players", "2")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("game.players=2")
        .hasMessageContaining("numPlayers must be in 3..9");
    assertThatThrownBy(() -> new VzRunConfig(Map.of("trainer.phase.schedule", "sometimes")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("phase.schedule");
  }
}
