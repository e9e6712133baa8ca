package org.visionzero.ops.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.visionzero.events.Phase;
import org.visionzero.events.TrainingStepCompleted;
import org.visionzero.ops.config.ConfigLoader;
import org.visionzero.ops.config.ConfigSources;
import org.visionzero.ops.config.VzConfigException;
import org.visionzero.ops.config.VzRunConfig;
import org.visionzero.ops.progress.ProgressLine;
import org.visionzero.ops.progress.ProgressSample;

/** The progress line's figures and the run settings' checks. */
class ProgressAndSettingsTest {

  @Test
  void shouldShowRatesBetweenSamplesAndTheTrainersLatestStep() {
    ProgressSample before = new ProgressSample(Duration.ofSeconds(10), 100, 1_000, 0, Optional.empty(), 0, 0);
    TrainingStepCompleted step = new TrainingStepCompleted(42L, 4, Phase.CLUE, true, "", 8, 64, 0, 0.0, 0.1, 0.01,
        0.0, 1.0, 1e-4, 0.1, 0.2, 0.0, 0.0, 1.0, 0.875, 0.03, 0.0, 4.0, 0.25);
    ProgressSample after = new ProgressSample(Duration.ofSeconds(20), 150, 2_000, 4, Optional.of(step), 17, 96);

    String line = ProgressLine.format(before, after);

    assertThat(line).startsWith("00:00:20").contains("5.0 games/s").contains("100 turns/s").contains("v4")
        .contains("step 42 clue").contains("acc 0.875").contains("N/A 0.030").contains("spy-win 0.250")
        .contains("lag 17").contains("eval 96");
  }

  @Test
  void shouldReadDurationsAndRefuseUnreadableOnes() {
    VzRunConfig config = config(Map.of(VzRunConfig.DURATION, "30m", VzRunConfig.EVAL_FINAL_BUDGET, "90s"));

    assertThat(config.duration()).contains(Duration.ofMinutes(30));
    assertThat(config.evalFinalBudget()).isEqualTo(Duration.ofSeconds(90));
    assertThat(config(Map.of()).duration()).isEmpty();
    assertThatThrownBy(() -> config(Map.of(VzRunConfig.DURATION, "thirty")))
        .isInstanceOf(VzConfigException.class).hasMessageContaining("30m");
    assertThatThrownBy(() -> config(Map.of(VzRunConfig.DURATION, "0s")))
        .isInstanceOf(VzConfigException.class).hasMessageContaining("positive");
  }

  @Test
  void shouldChooseTheRuntimeThePolicySettingNames() {
    assertThat(PolicyRuntimes.forConfig(config(Map.of(VzRunConfig.POLICY, "random"))).learners()).isEmpty();
    assertThat(PolicyRuntimes.forConfig(config(Map.of())).policyName()).isEqualTo("vz");
  }

  private static VzRunConfig config(Map<String, String> flags) {
    return ConfigLoader.load(VzRunConfig.CONFIG_DEF, VzRunConfig::new,
        new ConfigSources(Optional.empty(), Map.of(), flags));
  }
}
