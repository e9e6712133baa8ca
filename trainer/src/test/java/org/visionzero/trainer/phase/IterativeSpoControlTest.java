package org.visionzero.trainer.phase;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.visionzero.events.Phase;
import org.visionzero.game.config.GameConfig;

class IterativeSpoControlTest {

  private static List<Phase> phasesOf(PhaseControl control, int steps) {
    List<Phase> phases = new ArrayList<>();
    for (int i = 0; i < steps; i++) {
      phases.add(control.phase());
      control.afterStep(1.0, 0.0);
    }
    return phases;
  }

  @Test
  void shouldContinueTheFixedCycleExactlyFromASavedState() {
    GameConfig rules = GameConfig.code().toBuilder().cycleLength(3).build();
    IterativeSpoControl original = IterativeSpoControl.start(rules);
    phasesOf(original, 4);

    IterativeSpoControl resumed = IterativeSpoControl.restore(rules, original.state());

    assertThat(phasesOf(resumed, 5)).containsExactly(
        Phase.CLUE, Phase.CLUE, Phase.DECISION, Phase.DECISION, Phase.DECISION);
  }

  @Test
  void shouldReportTheSwitchWhenTheCycleTurns() {
    IterativeSpoControl control = IterativeSpoControl.start(GameConfig.code());

    var change = control.afterStep(0.5, 0.1);

    assertThat(change).hasValueSatisfying(c -> {
      assertThat(c.from()).isEqualTo(Phase.DECISION);
      assertThat(c.to()).isEqualTo(Phase.CLUE);
      assertThat(c.reason()).isEqualTo("fixed cycle L=1");
    });
    assertThat(control.phase()).isEqualTo(Phase.CLUE);
  }

  @Test
  void shouldKeepHysteresisEmasAcrossARestore() {
    GameConfig rules = GameConfig.paper();
    IterativeSpoControl original = IterativeSpoControl.start(rules);
    phasesOf(original, 3);

    IterativeSpoControl resumed = IterativeSpoControl.restore(rules, original.state());

    assertThat(resumed.state()).isEqualTo(original.state());
    assertThat(resumed.state().accuracyEma()).isGreaterThan(0);
  }
}
