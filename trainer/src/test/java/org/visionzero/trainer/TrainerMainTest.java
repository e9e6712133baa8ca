package org.visionzero.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerMainTest {

  @TempDir
  Path dir;

  @Test
  void shouldReadKeyValueArgumentsAndPropertiesFilesWithLaterOnesWinning() throws Exception {
    Path file = dir.resolve("trainer.properties");
    Files.writeString(file, "run.id=from-file\ngames.per.step=4\n");

    var settings = TrainerMain.settings(new String[] {"@" + file, "run.id=from-args", "kafka.acks=all"});

    assertThat(settings).containsEntry("run.id", "from-args").containsEntry("games.per.step", "4")
        .containsEntry("kafka.acks", "all");
  }

  @Test
  void shouldRefuseAnArgumentThatIsNeitherASettingNorAFile() {
    assertThatThrownBy(() -> TrainerMain.settings(new String[] {"--steps"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("key=value");
  }
}
