package org.visionzero.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.visionzero.events.Phase;
import org.visionzero.game.config.GameConfig;
import org.visionzero.game.reward.DecisionAdvantage;
import org.visionzero.trainer.step.CivilianFidelity;
import org.visionzero.trainer.step.KlAnchor;
import org.visionzero.trainer.step.TrainableParameters;

class TrainerConfigTest {

  @Test
  void shouldTakeCodeModeRulesAndAWarmUpOfTenPercentByDefault() {
    TrainerConfig config = new TrainerConfig(Map.of());

    assertThat(config.rules().phaseSchedule()).isEqualTo(GameConfig.PhaseSchedule.FIXED_CYCLE);
    assertThat(config.rules().raeAlpha()).isEqualTo(0.9);
    assertThat(config.schedule().warmupSteps()).isEqualTo(28);
    assertThat(config.topics().trajectories().name()).isEqualTo("vz.trajectories");
  }

  @Test
  void shouldApplyPaperModeAndPhaseOverrides() {
    TrainerConfig config = new TrainerConfig(Map.of(TrainerConfig.MODE, "paper",
        TrainerConfig.PHASE_PATIENCE_STEPS, "20", TrainerConfig.PHASE_DWELL_STEPS, "3"));

    assertThat(config.rules().phaseSchedule()).isEqualTo(GameConfig.PhaseSchedule.HYSTERESIS);
    assertThat(config.rules().raeAlpha()).isEqualTo(0.95);
    assertThat(config.rules().patienceEnabled()).isTrue();
    assertThat(config.rules().dwellSteps()).isEqualTo(3);
  }

  @Test
  void shouldSwitchRaeOffAndSetItsAlphaAndTheSingleStageSchedules() {
    TrainerConfig noRae = new TrainerConfig(Map.of(TrainerConfig.RAE_ENABLED, "false",
        TrainerConfig.PHASE_SCHEDULE, "clue-only"));
    TrainerConfig alpha = new TrainerConfig(Map.of(TrainerConfig.RAE_ALPHA, "0.5",
        TrainerConfig.PHASE_SCHEDULE, "decision-only"));

    assertThat(noRae.rules().raeEnabled()).isFalse();
    assertThat(noRae.stepOptions().roleAdvantage()).isFalse();
    assertThat(noRae.rules().phaseSchedule()).isEqualTo(GameConfig.PhaseSchedule.CLUE_ONLY);
    assertThat(alpha.rules().raeEnabled()).isTrue();
    assertThat(alpha.stepOptions().roleAdvantage()).isTrue();
    assertThat(alpha.rules().raeAlpha()).isEqualTo(0.5);
    assertThat(alpha.rules().phaseSchedule()).isEqualTo(GameConfig.PhaseSchedule.DECISION_ONLY);
    assertThatThrownBy(() -> new TrainerConfig(Map.of(TrainerConfig.RAE_ALPHA, "1.5")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("raeAlpha must be in [0, 1)");
  }

  @Test
  void shouldPassKafkaPrefixedSettingsToTheClients() {
    TrainerConfig config = new TrainerConfig(Map.of("kafka.security.protocol", "SASL_SSL"));

    assertThat(config.kafkaOverrides()).containsEntry("security.protocol", "SASL_SSL");
  }

  @Test
  void shouldRefuseAnUnknownModeWithTheAllowedValues() {
    assertThatThrownBy(() -> new TrainerConfig(Map.of(TrainerConfig.MODE, "fast")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("code")
        .hasMessageContaining("paper");
  }

  @Test
  void shouldRefuseAZeroCycleLength() {
    assertThatThrownBy(() -> new TrainerConfig(Map.of(TrainerConfig.PHASE_CYCLE_LENGTH, "0")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(TrainerConfig.PHASE_CYCLE_LENGTH);
  }

  @Test
  void shouldCentreDecisionAdvantagesAndGiveEachPhaseItsOwnRateAndPartsByDefault() {
    TrainerConfig config = new TrainerConfig(Map.of());

    assertThat(config.decisionAdvantage()).isEqualTo(DecisionAdvantage.CENTERED);
    assertThat(config.schedule().decisionPeak()).isEqualTo(3e-3);
    assertThat(config.schedule().peak()).isEqualTo(1e-4);
    assertThat(config.trainable()).isEqualTo(TrainableParameters.echoOnly());
  }

  @Test
  void shouldTrainTheSpeakerWhenAskedWithAKlPerRoleAndTheCiviliansFidelityTermByDefault() {
    TrainerConfig defaults = new TrainerConfig(Map.of(TrainerConfig.CLUE_TRAINABLE, "decoder."));
    TrainerConfig spy = new TrainerConfig(Map.of(TrainerConfig.CLUE_KL_BETA, "0.02",
        TrainerConfig.CLUE_KL_BETA_SPY, "0.1", TrainerConfig.CLUE_FIDELITY_WEIGHT, "0"));

    assertThat(defaults.trainable().of(Phase.CLUE)).accepts("decoder.gru.wx");
    assertThat(defaults.klAnchor()).isEqualTo(new KlAnchor(0.04, 0.04, 0));
    assertThat(defaults.civilianFidelity()).isEqualTo(CivilianFidelity.defaults());
    assertThat(spy.klAnchor()).isEqualTo(new KlAnchor(0.02, 0.1, 0));
    assertThat(spy.civilianFidelity().on()).isFalse();
    assertThatThrownBy(() -> new TrainerConfig(Map.of(TrainerConfig.CLUE_KL_BETA_SPY, "-0.5")))
        .isInstanceOf(ConfigException.class).hasMessageContaining(TrainerConfig.CLUE_KL_BETA_SPY);
  }

  @Test
  void shouldTakeAbsoluteWarmUpStepsForOpenEndedRuns() {
    TrainerConfig config = new TrainerConfig(Map.of(TrainerConfig.TOTAL_STEPS, "1000000",
        TrainerConfig.WARMUP_STEPS, "20"));

    assertThat(config.schedule().warmupSteps()).isEqualTo(20);
  }

  @Test
  void shouldRefuseATrainablePrefixThatIsNoPartOfTheModel() {
    assertThatThrownBy(() -> new TrainerConfig(Map.of(TrainerConfig.DECISION_TRAINABLE, "head.")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'head.'")
        .hasMessageContaining("decision.");
  }
}
