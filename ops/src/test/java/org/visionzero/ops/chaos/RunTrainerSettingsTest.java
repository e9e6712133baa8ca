package org.visionzero.ops.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.visionzero.ops.config.VzRunConfig;
import org.visionzero.trainer.TrainerConfig;

class RunTrainerSettingsTest {

  @Test
  void shouldGiveTheChaosTrainerTheWarmUpAndStepsOfAnOpenEndedVzRunAsTrainerKeys() {
    Map<String, String> settings = RunTrainerSettings.openEnded();

    assertThat(TrainerConfig.definition().names()).containsAll(settings.keySet());
    TrainerConfig trainer = new TrainerConfig(new HashMap<>(settings));
    // not a share of a million steps: the learning rate reaches its peak within the run
    assertThat(trainer.getInt(TrainerConfig.WARMUP_STEPS)).isEqualTo(VzRunConfig.OPEN_ENDED_WARMUP_STEPS);
    assertThat(trainer.getLong(TrainerConfig.TOTAL_STEPS)).isEqualTo(VzRunConfig.OPEN_ENDED_STEPS);
    assertThat(settings).containsKeys(TrainerConfig.LEARNING_RATE, TrainerConfig.CHECKPOINT_INTERVAL_STEPS,
        TrainerConfig.DECISION_LEARNING_RATE);
  }
}
