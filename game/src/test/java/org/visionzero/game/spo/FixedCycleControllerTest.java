package org.visionzero.game.spo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.visionzero.events.Phase;
import org.visionzero.game.config.GameConfig;

class FixedCycleControllerTest {
  private static final DecisionRates ANY = new DecisionRates(0.5, 0.1);

  @Test
  void shouldAlternateEveryStepWhenTheCycleIsOne() {
    PhaseController controller = PhaseController.fromConfig(GameConfig.code());
    List<Phase> phases = new ArrayList<>();
    List<PhaseSwitch> switches = new ArrayList<>();
    for (int step = 0; step < 6; step++) {
      phases.add(controller.phase());
      PhaseStep result = controller.afterStep(ANY);
      result.change().ifPresent(switches::add);
      controller = result.next();
    }

    assertThat(phases).containsExactly(Phase.DECISION, Phase.CLUE, Phase.DECISION, Phase.CLUE, Phase.DECISION,
        Phase.CLUE);
    assertThat(switches).hasSize(6);
    assertThat(switches.get(0)).isEqualTo(new PhaseSwitch(1, Phase.DECISION, Phase.CLUE, "fixed cycle L=1"));
    assertThat(switches.get(1)).isEqualTo(new PhaseSwitch(2, Phase.CLUE, Phase.DECISION, "fixed cycle L=1"));
  }

  @Test
  void shouldRunTenDecisionStepsThenTenClueStepsWhenTheCycleIsTen() {
    PhaseController controller = StepScheduledController.start(new FixedCycle(10));
    StringBuilder phases = new StringBuilder();
    List<Long> switchSteps = new ArrayList<>();
    for (int step = 0; step < 45; step++) {
      phases.append(controller.phase() == Phase.DECISION ? 'D' : 'C');
      PhaseStep result = controller.afterStep(ANY);
      result.change().ifPresent(change -> switchSteps.add(change.step()));
      controller = result.next();
    }

    assertThat(phases.toString()).isEqualTo("D".repeat(10) + "C".repeat(10) + "D".repeat(10) + "C".repeat(10)
        + "D".repeat(5));
    assertThat(switchSteps).containsExactly(10L, 20L, 30L, 40L);
    assertThat(controller.steps()).isEqualTo(45);
    assertThat(new FixedCycle(10).phaseAt(19)).isEqualTo(Phase.CLUE);
  }

  @Test
  void shouldRestoreExactlyFromSavedBytes() {
    GameConfig config = GameConfig.code().toBuilder().cycleLength(10).build();
    PhaseController controller = PhaseController.fromConfig(config);
    for (int step = 0; step < 13; step++) {
      controller = controller.afterStep(ANY).next();
    }

    PhaseControllerState saved = controller.save();
    PhaseController restored = PhaseController.restore(config, PhaseControllerState.fromBytes(saved.toBytes()));

    assertThat(restored).isEqualTo(controller).hasSameHashCodeAs(controller);
    assertThat(restored.phase()).isEqualTo(Phase.CLUE);
    assertThat(saved.dwell()).isEqualTo(3);
    assertThat(restored.afterStep(ANY)).isEqualTo(controller.afterStep(ANY));
    assertThat(restored.toString()).contains("L=10", "steps=13", "CLUE");
  }

  @Test
  void shouldRefuseAStateThatDoesNotFitTheCycle() {
    PhaseControllerState wrong = new PhaseControllerState(GameConfig.PhaseSchedule.FIXED_CYCLE, Phase.CLUE, 0, 0,
        0, 0);

    assertThatThrownBy(() -> PhaseController.restore(GameConfig.code(), wrong))
        .hasMessageContaining("does not fit a fixed cycle of L = 1");
    assertThatThrownBy(() -> new FixedCycle(0)).hasMessageContaining("cycleLength must be >= 1");
    assertThatThrownBy(() -> PhaseController.restore(GameConfig.paper(), wrong))
        .hasMessageContaining("configuration asks for HYSTERESIS");
  }
}
