package org.visionzero.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerMainTest {

  @TempDir
  Path dir;

  @Test
  void shouldLetCommandLineSettingsWinOverTheConfigFile() throws Exception {
    Path file = dir.resolve("worker.properties");
    Files.writeString(file, "bootstrap.servers=file:9092\nbatch.max.size=8\n");

    var settings = WorkerMain.parse(new String[] {"--config", file.toString(), "batch.max.size=64",
        "--worker.id=w7"});

    assertThat(settings).containsEntry("bootstrap.servers", "file:9092").containsEntry("batch.max.size", "64")
        .containsEntry("worker.id", "w7");
  }

  @Test
  void shouldRefuseAnArgumentThatIsNoSetting() {
    assertThatThrownBy(() -> WorkerMain.parse(new String[] {"fast"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key=value");
    assertThatThrownBy(() -> WorkerMain.parse(new String[] {"--config"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a file");
  }

  @Test
  void shouldOfferTheModelAndTheScriptedPolicies() {
    assertThat(WorkerMain.defaultPolicies().handles("vz")).isTrue();
    assertThat(WorkerMain.defaultPolicies().handles("random")).isTrue();
    assertThat(WorkerMain.defaultPolicies().handles("oracle")).isTrue();
  }
}
