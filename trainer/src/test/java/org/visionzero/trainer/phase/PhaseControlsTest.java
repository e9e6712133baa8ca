package org.visionzero.trainer.phase;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.visionzero.events.Phase;
import org.visionzero.game.config.GameConfig;
import org.visionzero.trainer.state.PhaseState;

class PhaseControlsTest {

  private static List<Phase> phasesOf(PhaseControl control, int steps, double accuracy, double naRate) {
    List<Phase> phases = new ArrayList<>();
    for (int i = 0; i < steps; i++) {
      phases.add(control.state().phase());
      control.afterStep(accuracy, naRate);
    }
    return phases;
  }

  @Test
  void shouldAlternateEveryLStepsInTheFixedCycle() {
    PhaseControl control = PhaseControls.of(GameConfig.code().toBuilder().cycleLength(2).build(), PhaseState.start());

    assertThat(phasesOf(control, 6, 0, 0)).containsExactly(
        Phase.DECISION, Phase.DECISION, Phase.CLUE, Phase.CLUE, Phase.DECISION, Phase.DECISION);
  }

  @Test
  void shouldContinueTheCycleFromASavedState() {
    GameConfig rules = GameConfig.code().toBuilder().cycleLength(3).build();
    PhaseControl original = PhaseControls.of(rules, PhaseState.start());
    phasesOf(original, 4, 0, 0);

    PhaseControl resumed = PhaseControls.of(rules, original.state());

    assertThat(phasesOf(resumed, 5, 0, 0)).containsExactly(
        Phase.CLUE, Phase.CLUE, Phase.DECISION, Phase.DECISION, Phase.DECISION);
  }

  @Test
  void shouldSwitchToCluesOnlyAfterTheAccuracyEmaAndDwellAreReachedInHysteresis() {
    GameConfig rules = GameConfig.paper().toBuilder().emaRho(0.5).build();
    PhaseControl control = PhaseControls.of(rules, PhaseState.start());

    List<Phase> phases = phasesOf(control, 8, 1.0, 0.0);

    // acc EMA: 0.5, 0.75, 0.875, 0.9375 (>= 0.9 after 4 steps) but dwell must reach 5 first.
    assertThat(phases).containsExactly(Phase.DECISION, Phase.DECISION, Phase.DECISION, Phase.DECISION,
        Phase.DECISION, Phase.CLUE, Phase.CLUE, Phase.CLUE);
    assertThat(control.state().switches()).isEqualTo(1);
  }

  @Test
  void shouldLeaveCluesWhenTheNaRateRisesInHysteresis() {
    GameConfig rules = GameConfig.paper().toBuilder().emaRho(0.0).dwellSteps(1).build();
    PhaseControl control = PhaseControls.of(rules, new PhaseState(Phase.CLUE, 0.95, 0.0, 0, 1));

    var change = control.afterStep(0.95, 0.6);

    assertThat(change).hasValueSatisfying(c -> {
      assertThat(c.to()).isEqualTo(Phase.DECISION);
      assertThat(c.reason()).contains("na=0.600>=0.5");
    });
  }
}
