package org.visionzero.game.spo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.visionzero.events.Phase;
import org.visionzero.game.config.GameConfig;

class HysteresisControllerTest {
  private static final DecisionRates PERFECT = new DecisionRates(1.0, 0.0);
  private static final DecisionRates WEAK = new DecisionRates(0.5, 0.0);
  /** ρ = 0 makes each EMA the last value, so the tests isolate thresholds, dwell and patience. */
  private static final GameConfig NO_MEMORY = GameConfig.paper().toBuilder().emaRho(0).build();

  @Test
  void shouldStartInDecisionWithZeroEmasAndUpdateThemWithRho() {
    HysteresisController controller = HysteresisController.start(GameConfig.paper());
    assertThat(controller.phase()).isEqualTo(Phase.DECISION);

    HysteresisController next = (HysteresisController) controller.afterStep(new DecisionRates(1.0, 0.2)).next();
    assertThat(next.accuracyEma()).isCloseTo(0.05, within(1e-12));
    assertThat(next.naRateEma()).isCloseTo(0.01, within(1e-12));
    assertThat(next.dwell()).isEqualTo(1);
    assertThat(next.steps()).isEqualTo(1);

    HysteresisController third = (HysteresisController) next.afterStep(new DecisionRates(0.0, 0.0)).next();
    assertThat(third.accuracyEma()).isCloseTo(0.0475, within(1e-12));
  }

  @Test
  void shouldSwitchToClueOnlyWhenTheAccuracyEmaReachesNinetyPercentWithRhoOfThePaper() {
    PhaseController controller = PhaseController.fromConfig(GameConfig.paper());
    Optional<PhaseSwitch> change = Optional.empty();
    int steps = 0;
    while (change.isEmpty()) {
      PhaseStep result = controller.afterStep(PERFECT);
      controller = result.next();
      change = result.change();
      steps++;
    }

    // 1 − 0.95^44 = 0.8953 < 0.9 ≤ 1 − 0.95^45 = 0.9006
    assertThat(steps).isEqualTo(45);
    assertThat(change.get()).isEqualTo(new PhaseSwitch(45, Phase.DECISION, Phase.CLUE,
        "acc=0.901>=0.9, na=0.000<=0.1, dwell=45>=5"));
    assertThat(((HysteresisController) controller).dwell()).isZero();
  }

  @Test
  void shouldWaitForTheDwellBeforeLeavingDecision() {
    PhaseController controller = HysteresisController.start(NO_MEMORY);
    for (int step = 1; step <= 4; step++) {
      PhaseStep result = controller.afterStep(PERFECT);
      assertThat(result.change()).as("step %d", step).isEmpty();
      controller = result.next();
    }

    PhaseStep fifth = controller.afterStep(PERFECT);

    assertThat(fifth.change()).contains(new PhaseSwitch(5, Phase.DECISION, Phase.CLUE,
        "acc=1.000>=0.9, na=0.000<=0.1, dwell=5>=5"));
    assertThat(fifth.next().phase()).isEqualTo(Phase.CLUE);
  }

  @Test
  void shouldSwitchToClueAtExactlyTheThresholds() {
    PhaseStep step = run(HysteresisController.start(NO_MEMORY), new DecisionRates(0.9, 0.1), 5);

    assertThat(step.change()).isPresent();
  }

  @Test
  void shouldStayInDecisionWhileAbstainingTooOftenOrInaccurate() {
    assertThat(run(HysteresisController.start(NO_MEMORY), new DecisionRates(1.0, 0.11), 50).next().phase())
        .isEqualTo(Phase.DECISION);
    assertThat(run(HysteresisController.start(NO_MEMORY), new DecisionRates(0.89, 0.0), 50).next().phase())
        .isEqualTo(Phase.DECISION);
  }

  @Test
  void shouldReturnToDecisionWhenAccuracyDropsAfterTheDwell() {
    PhaseController inClue = run(HysteresisController.start(NO_MEMORY), PERFECT, 5).next();
    assertThat(inClue.phase()).isEqualTo(Phase.CLUE);

    PhaseController afterFour = run(inClue, WEAK, 4).next();
    assertThat(afterFour.phase()).isEqualTo(Phase.CLUE);
    PhaseStep fifth = afterFour.afterStep(WEAK);

    assertThat(fifth.change()).contains(new PhaseSwitch(10, Phase.CLUE, Phase.DECISION,
        "1-acc=0.500>=0.4, dwell=5>=5"));
  }

  @Test
  void shouldReturnToDecisionWhenTheNaRateRises() {
    PhaseController inClue = run(HysteresisController.start(NO_MEMORY), PERFECT, 5).next();

    PhaseStep step = run(inClue, new DecisionRates(0.95, 0.5), 5);

    assertThat(step.change()).contains(new PhaseSwitch(10, Phase.CLUE, Phase.DECISION,
        "na=0.500>=0.5, dwell=5>=5"));
  }

  @Test
  void shouldStayInClueWhileTheDecisionStageHolds() {
    PhaseController inClue = run(HysteresisController.start(NO_MEMORY), PERFECT, 5).next();

    assertThat(run(inClue, new DecisionRates(0.7, 0.49), 100).next().phase()).isEqualTo(Phase.CLUE);
  }

  @Test
  void shouldLeaveAPhaseAfterThePatienceWhenEnabled() {
    GameConfig patient = NO_MEMORY.toBuilder().patienceEnabled(true).patienceSteps(20).build();
    PhaseController controller = HysteresisController.start(patient);

    PhaseStep nineteen = run(controller, WEAK, 19);
    assertThat(nineteen.next().phase()).isEqualTo(Phase.DECISION);
    PhaseStep twenty = nineteen.next().afterStep(WEAK);
    assertThat(twenty.change()).contains(new PhaseSwitch(20, Phase.DECISION, Phase.CLUE,
        "patience: 20 steps in DECISION >= 20"));

    PhaseStep forty = run(twenty.next(), new DecisionRates(0.8, 0.0), 20);
    assertThat(forty.change()).contains(new PhaseSwitch(40, Phase.CLUE, Phase.DECISION,
        "patience: 20 steps in CLUE >= 20"));
  }

  @Test
  void shouldIgnoreThePatienceWhenDisabled() {
    assertThat(run(HysteresisController.start(NO_MEMORY), WEAK, 100).next().phase()).isEqualTo(Phase.DECISION);
  }

  @Test
  void shouldContinueIdenticallyAfterSaveAndRestore() {
    GameConfig config = GameConfig.paper().toBuilder().patienceEnabled(true).build();
    Random random = new Random(99);
    PhaseController live = PhaseController.fromConfig(config);
    int switches = 0;
    for (int step = 0; step < 400; step++) {
      DecisionRates metrics = new DecisionRates(random.nextDouble(), random.nextDouble() * 0.3);
      PhaseController restored = PhaseController.restore(config,
          PhaseControllerState.fromBytes(live.save().toBytes()));
      assertThat(restored).isEqualTo(live).hasSameHashCodeAs(live);
      PhaseStep fromLive = live.afterStep(metrics);
      PhaseStep fromRestored = restored.afterStep(metrics);
      assertThat(fromRestored).isEqualTo(fromLive);
      switches += fromLive.change().isPresent() ? 1 : 0;
      live = fromLive.next();
    }
    assertThat(switches).isPositive();
    assertThat(live.toString()).startsWith("HysteresisController");
  }

  @Test
  void shouldRejectBadMetricsAndStates() {
    assertThatThrownBy(() -> new DecisionRates(1.1, 0)).hasMessageContaining("decisionAccuracy must be a share");
    assertThatThrownBy(() -> new DecisionRates(0.5, Double.NaN)).hasMessageContaining("naRate must be a share");
    assertThatThrownBy(() -> new PhaseControllerState(GameConfig.PhaseSchedule.HYSTERESIS, Phase.CLUE, -1, 0, 0,
        0)).hasMessageContaining("must be >= 0");
    assertThatThrownBy(() -> new PhaseControllerState(GameConfig.PhaseSchedule.HYSTERESIS, Phase.CLUE, 1, 0,
        Double.NaN, 0)).hasMessageContaining("finite");
    assertThatThrownBy(() -> PhaseControllerState.fromBytes(new byte[] {0, 0, 0, 7}))
        .hasMessageContaining("format 7 is unknown");
    assertThatThrownBy(() -> PhaseControllerState.fromBytes(new byte[] {0, 0, 0, 1, 0}))
        .hasMessageContaining("truncated");
    byte[] good = HysteresisController.start(NO_MEMORY).save().toBytes();
    assertThatThrownBy(() -> PhaseControllerState.fromBytes(java.util.Arrays.copyOf(good, good.length + 1)))
        .hasMessageContaining("1 trailing bytes");
  }

  private static PhaseStep run(PhaseController start, DecisionRates metrics, int steps) {
    PhaseStep last = null;
    PhaseController controller = start;
    for (int i = 0; i < steps; i++) {
      last = controller.afterStep(metrics);
      controller = last.next();
    }
    return last;
  }
}
