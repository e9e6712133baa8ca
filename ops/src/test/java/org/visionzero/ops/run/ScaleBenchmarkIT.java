package org.visionzero.ops.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * {@code vz bench scale} at smoke size: two small N, each GPU at batch 2, simulated time twice as fast as wall
 * time, so a game lasts a few seconds; every run plays every game it was fed and trains with a moving version.
 */
@Isolated // simulated time against the wall clock: alone, not beside another IT
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ScaleBenchmarkIT {

  @TempDir
  Path dataDir;

  @BeforeAll
  static void createTheTemporaryDirectoryRocksDbUnpacksInto() throws Exception {
    Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
  }

  @Test
  void shouldKeepSimulatedGpusBusyAndLoseNoWork() throws Exception {
    ScaleBenchmark.Result result = ScaleBenchmark.run(new ScaleBenchmark.Options(dataDir, List.of(8), 2, 2, 2,
        3.0, 1.0, Optional.of(0.5), 800, Duration.ofSeconds(90), Optional.empty()),
        System.out::println);

    Map<String, Object> json = result.toJson();
    assertThat(json).containsKeys("latencyModel", "turnsPerGame", "runs", "rates");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> runs = (List<Map<String, Object>>) json.get("runs");
    assertThat(runs).hasSize(1);
    for (Map<String, Object> run : runs) {
      assertThat(run).containsKeys("gpus", "utilisation", "turnsPerSecond", "trajectoriesPerSecond",
          "syncTrajectoriesPerSecond", "meanStaleness", "timeScale");
      assertThat((double) run.get("utilisation")).isBetween(0.0, 1.0).isPositive();
      assertThat((double) run.get("turnsPerSecond")).isPositive();
      assertThat((double) run.get("trajectoriesPerSecond")).isPositive();
      assertThat((double) run.get("syncTrajectoriesPerSecond")).isPositive();
      assertThat((Double) run.get("meanStaleness")).isNotNull().isGreaterThanOrEqualTo(0.0);
      assertThat(run.get("timeScale")).isEqualTo(0.5);
    }
    for (ScaleBenchmark.Run run : result.runs()) {
      assertThat(run.readBack().turnsRequested()).isEqualTo(run.readBack().turnsAnswered()).isPositive();
      assertThat(run.readBack().duplicateTurns()).isZero();
      assertThat(run.readBack().gamesLost()).isZero();
      assertThat(run.trainerSteps()).isPositive();
    }
    assertThat(result.runs().get(0).gpus()).isEqualTo(8);
    assertThat(result.complete()).isTrue();
    System.out.println("scale benchmark: " + json);
  }
}
