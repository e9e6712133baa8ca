package org.visionzero.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArmFileTest {

  @TempDir
  Path dir;

  @Test
  void shouldBringBackEveryPointAndDetailWithNaNWhereAFigureWasNotFinite() throws Exception {
    LearningArm arm = new LearningArm("sync", "time_limit", 61.5, 300, 2_400,
        List.of(new LearningPoint(0, 0, 0, 0, 0.25, Double.NaN, 0.0, 128),
            new LearningPoint(30.25, 150, 1_200, 37, 0.875, 0.3, 0.01, 128)),
        Map.of("cpuSeconds", 60.1, "summary", "/tmp/x.json"));
    Path file = dir.resolve("sync.json");

    ArmFile.write(arm, file);
    LearningArm back = ArmFile.read(file);

    assertThat(Files.readString(file)).doesNotContain("NaN");
    assertThat(back.name()).isEqualTo("sync");
    assertThat(back.end()).isEqualTo("time_limit");
    assertThat(back.seconds()).isEqualTo(61.5);
    assertThat(back.steps()).isEqualTo(300);
    assertThat(back.gamesPlayed()).isEqualTo(2_400);
    assertThat(back.points()).hasSize(2);
    assertThat(back.points().get(0).noImageAccuracy()).isNaN();
    assertThat(back.points().get(1)).isEqualTo(arm.points().get(1));
    assertThat(back.details()).containsEntry("cpuSeconds", 60.1).containsEntry("summary", "/tmp/x.json");
  }
}
