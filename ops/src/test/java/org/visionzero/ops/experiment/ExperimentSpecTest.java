package org.visionzero.ops.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.visionzero.ops.config.VzRunConfig;

class ExperimentSpecTest {

  @Test
  void shouldReadArmsInFileOrderWithCommonSettingsUnderneath() {
    ExperimentSpec spec = ExperimentSpec.parse(List.of(
        "name = rae  # the name", "description = on and off", "budget = 90s", "seeds = 3, 1",
        "common.eval.final.games = 16", "arm.on.trainer.rae.enabled = true", "",
        "arm.off.trainer.rae.enabled = false", "arm.off.eval.final.games = 20"), "test");

    assertThat(spec.name()).isEqualTo("rae");
    assertThat(spec.budget()).isEqualTo(Duration.ofSeconds(90));
    assertThat(spec.seeds()).containsExactly(3L, 1L);
    assertThat(spec.arms()).extracting(ExperimentSpec.Arm::name).containsExactly("on", "off");
    assertThat(spec.settingsOf(spec.arms().get(0))).containsEntry("eval.final.games", "16")
        .containsEntry("trainer.rae.enabled", "true");
    assertThat(spec.settingsOf(spec.arms().get(1))).containsEntry("eval.final.games", "20");
  }

  @Test
  void shouldSayWhatIsWrongWithAFile() {
    assertThatThrownBy(() -> ExperimentSpec.parse(List.of("name = x", "budget = 1m", "seeds = 1", "colour = red"),
        "f")).hasMessageContaining("f:4").hasMessageContaining("unknown key 'colour'");
    assertThatThrownBy(() -> ExperimentSpec.parse(List.of("name = x", "seeds = 1", "arm.a.b = 1"), "f"))
        .hasMessageContaining("'budget' is missing");
    assertThatThrownBy(() -> ExperimentSpec.parse(List.of("name = x", "budget = 1m", "seeds = one",
        "arm.a.b = 1"), "f")).hasMessageContaining("seeds must be whole numbers");
    assertThatThrownBy(() -> ExperimentSpec.parse(List.of("name = x", "budget = 1m", "seeds = 1"), "f"))
        .hasMessageContaining("at least one arm");
    assertThatThrownBy(() -> ExperimentSpec.parse(List.of("name = x", "budget = 1m", "seeds = 1", "arm.x = 1"),
        "f")).hasMessageContaining("expected arm.NAME.SETTING");
    assertThatThrownBy(() -> ExperimentSpec.parse(List.of("name = x y", "budget = 1m", "seeds = 1", "arm.a.b = 1"),
        "f")).hasMessageContaining("letters, digits");
  }

  @Test
  void shouldShipExperimentFilesWhoseEveryArmIsAValidRun() throws IOException {
    Path shipped = Path.of("experiments");
    int files = 0;
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(shipped, "*.properties")) {
      for (Path file : stream) {
        ExperimentSpec spec = ExperimentSpec.read(file);
        assertThat(spec.seeds()).as(file.toString()).hasSizeGreaterThanOrEqualTo(2);
        for (ExperimentSpec.Arm arm : spec.arms()) {
          assertThat(VzRunConfig.CONFIG_DEF.names()).as(file + " " + arm.name())
              .containsAll(spec.settingsOf(arm).keySet());
          new VzRunConfig(new HashMap<>(spec.settingsOf(arm)));
        }
        files++;
      }
    }
    assertThat(files).isGreaterThanOrEqualTo(4);
  }
}
