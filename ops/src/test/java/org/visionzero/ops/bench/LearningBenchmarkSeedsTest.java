package org.visionzero.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visionzero.ops.config.VzRunConfig;

/** How {@code vz bench learning} hands each arm of each seed to a fresh JVM, with a launcher that runs nothing. */
class LearningBenchmarkSeedsTest {

  @TempDir
  Path work;

  private final List<String> launched = new ArrayList<>();
  private final List<Properties> settings = new ArrayList<>();
  private final List<String> v0s = new ArrayList<>();

  private int fakeArm(List<String> args, Path log) throws java.io.IOException {
    String arm = value(args, "--arm");
    Properties values = new Properties();
    try (Reader reader = Files.newBufferedReader(Path.of(value(args, "--config")))) {
      values.load(reader);
    }
    launched.add(values.getProperty("produce.seed") + ":" + arm);
    settings.add(values);
    v0s.add(value(args, "--v0"));
    double toTarget = "sync".equals(arm) ? 10 : 30;
    ArmFile.write(new LearningArm(arm, "duration_reached", 60, 20, 600,
        List.of(new LearningPoint(toTarget, 10, 80, 2, 0.9, 0.2, 0, 100)), Map.of()), Path.of(value(args,
        "--arm-output")));
    return 0;
  }

  private static String value(List<String> args, String flag) {
    return args.get(args.indexOf(flag) + 1);
  }

  private LearningBenchmark.Options options() {
    return new LearningBenchmark.Options(Duration.ofSeconds(60), 0.8, Duration.ofSeconds(5), 16, 8, work);
  }

  @Test
  void shouldRunEachArmOfEachSeedInItsOwnLaunchInAlternatingOrderWithTheSeedInItsSettings() throws Exception {
    VzRunConfig config = new VzRunConfig(Map.of("trainer.games.per.step", "4"));

    LearningBenchSeries series = LearningBenchmark.run(config, options(), List.of(3L, 4L), this::fakeArm, line -> {
    });

    assertThat(launched).containsExactly("3:streaming", "3:sync", "4:sync", "4:streaming");
    assertThat(settings).allSatisfy(values -> {
      assertThat(values.getProperty("trainer.games.per.step")).isEqualTo("4");
    });
    assertThat(v0s).hasSize(4).containsOnly(v0s.get(0));
    assertThat(Path.of(v0s.get(0))).isRegularFile();
    assertThat(series.runs()).extracting(LearningBenchSeries.SeedRun::seed).containsExactly(3L, 4L);
    assertThat(series.runs().get(1).order()).containsExactly("sync", "streaming");
    assertThat(series.streamingToSyncSecondsToTarget()).contains(3.0);
  }

  @Test
  void shouldFailClearlyWhenAnArmFailsAndNameItsLog() {
    VzRunConfig config = new VzRunConfig(Map.of());

    assertThatThrownBy(() -> LearningBenchmark.run(config, options(), List.of(1L), (args, log) -> 3, line -> {
    })).isInstanceOf(IllegalStateException.class).hasMessageContaining("streaming arm of seed 1 failed (exit 3)")
        .hasMessageContaining("streaming.log");
  }
}
