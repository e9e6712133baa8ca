package org.visionzero.ops.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentRunnerTest {
  private static final ExperimentSpec SPEC = new ExperimentSpec("t", "", Duration.ofSeconds(100), List.of(1L, 2L),
      Map.of("eval.final.games", "16"), List.of(new ExperimentSpec.Arm("on", Map.of("trainer.rae.enabled", "true")),
          new ExperimentSpec.Arm("off", Map.of("trainer.rae.enabled", "false"))));

  @TempDir
  Path dir;

  /** Writes a summary whose decision accuracy is the seed / 10, unless told to fail that arm. */
  private static final class FakeVzRun implements RunLauncher {
    final List<String> started = new ArrayList<>();
    String failingArm = "";

    @Override
    public int run(Path settingsFile, Path runDir, Duration budget, Path log) throws IOException {
      Properties settings = new Properties();
      try (var in = Files.newBufferedReader(settingsFile, StandardCharsets.UTF_8)) {
        settings.load(in);
      }
      String runId = settings.getProperty("run.id");
      started.add(runId);
      Files.writeString(log, "line 1\nboom: " + runId + "\n");
      if (runId.startsWith(failingArm + "-")) {
        return 1;
      }
      Path summary = runDir.resolve("runs").resolve(runId).resolve("summary.json");
      Files.createDirectories(summary.getParent());
      long seed = Long.parseLong(settings.getProperty("produce.seed"));
      Files.writeString(summary, "{\"final\":{\"decisionAccuracyPerGame\":{\"mean\":" + seed / 10.0
          + ",\"n\":1,\"sum\":" + seed / 10.0 + ",\"sumOfSquares\":0}}}");
      return 0;
    }
  }

  @Test
  void shouldRunEveryArmOnEverySeedWithItsSettingsAndSeed() throws Exception {
    FakeVzRun vz = new FakeVzRun();

    ExperimentRunner runner = new ExperimentRunner(SPEC, dir, vz, line -> { });
    assertThat(runner.share(Instant.now())).isLessThan(0.25);
    assertThat(runner.budgetLeft(Instant.now())).isLessThanOrEqualTo(Duration.ofSeconds(400));
    List<RunOutcome> outcomes = runner.run();

    assertThat(runner.share(Instant.now())).isEqualTo(1.0);
    assertThat(runner.budgetLeft(Instant.now())).isZero();
    assertThat(vz.started).containsExactly("on-seed-1", "off-seed-1", "on-seed-2", "off-seed-2");
    assertThat(outcomes).allMatch(o -> o.summary().isPresent());
    assertThat(outcomes.get(3).summary().get().path("final").path("decisionAccuracyPerGame").path("mean").asDouble())
        .isEqualTo(0.2);
    Properties off = new Properties();
    off.load(Files.newBufferedReader(dir.resolve("runs/off/seed-2/settings.properties")));
    assertThat(off).containsEntry("trainer.rae.enabled", "false").containsEntry("eval.final.games", "16")
        .containsEntry("produce.seed", "2").containsEntry("pretrain.seed", "2").containsEntry("run.id", "off-seed-2").containsEntry("broker.port", "0");
  }

  @Test
  void shouldKeepFinishedRunsAndRetryFailedOnesWhenRunAgain() throws Exception {
    FakeVzRun vz = new FakeVzRun();
    vz.failingArm = "off";
    List<RunOutcome> first = new ExperimentRunner(SPEC, dir, vz, line -> { }).run();
    assertThat(first.get(1).failure()).hasValueSatisfying(why ->
        assertThat(why).contains("exited with 1").contains("wrote no summary").contains("boom: off-seed-1"));
    Files.writeString(dir.resolve("runs/off/seed-1/leftover"), "from the failed attempt");

    vz.started.clear();
    vz.failingArm = "none";
    List<RunOutcome> second = new ExperimentRunner(SPEC, dir, vz, line -> { }).run();

    assertThat(vz.started).containsExactly("off-seed-1", "off-seed-2");
    assertThat(second).allMatch(o -> o.summary().isPresent());
    assertThat(dir.resolve("runs/off/seed-1/leftover")).doesNotExist();
  }
}
