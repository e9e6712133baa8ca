package org.visionzero.ops.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.visionzero.ops.config.ConfigLoader;
import org.visionzero.ops.config.ConfigSources;
import org.visionzero.ops.config.VzRunConfig;
import org.visionzero.ops.eval.VersionResult;
import org.visionzero.ops.report.RunReport;

/**
 * {@code vz run} with the scripted random policy: every component wired through the embedded broker, the
 * evaluator's games played and scored, the report written; a second run on the same data dir finds v0 and
 * continues.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class VzRunPipelineIT {

  private static final int FINAL_GAMES = 12;

  @TempDir
  Path dataDir;

  @org.junit.jupiter.api.BeforeAll
  static void createTheTemporaryDirectoryRocksDbUnpacksInto() throws Exception {
    Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
  }

  @Test
  void shouldPlayEvaluateAndReportWithEveryComponentWiredThroughKafka() throws Exception {
    VzRunConfig config = config();
    List<String> lines = new ArrayList<>();

    try (VzRun run = VzRun.start(config)) {
      Pipeline pipeline = Pipeline.start(run, config, new ScriptedRuntime(), new SimpleMeterRegistry(),
          line -> { synchronized (lines) { lines.add(line); } });
      Pipeline.End end = pipeline.awaitEnd(config.duration(), () -> false);
      Path report = pipeline.finish(end, true, Map.of());

      assertThat(end).isEqualTo(Pipeline.End.DURATION_REACHED);
      assertThat(report).exists();
      JsonNode summary = new ObjectMapper().readTree(pipeline.runDir().resolve(RunReport.SUMMARY_FILE).toFile());
      VersionResult last = pipeline.evaluator().results().get(pipeline.evaluator().results().size() - 1);
      assertThat(last.version()).isZero();
      assertThat(last.decisionAccuracy().trials()).isGreaterThanOrEqualTo(FINAL_GAMES);
      assertThat(last.clueWinRate().trials()).isGreaterThanOrEqualTo(2L * FINAL_GAMES);
      assertThat(summary.get("decisionAccuracy").isNumber()).isTrue();
      assertThat(summary.get("noImageAccuracy").isNumber()).isTrue();
      assertThat(summary.get("winRateVsV0FixedReferee").isNumber()).isTrue();
      assertThat(summary.get("refereeVersion").asInt()).isZero();
      assertThat(Files.readString(report)).contains("Sample games").contains("data:image/png;base64,");
    }
    synchronized (lines) {
      assertThat(lines).anyMatch(line -> line.startsWith("published v0"));
      assertThat(lines).anyMatch(line -> line.contains("games/s"));
      assertThat(lines).anyMatch(line -> line.startsWith("transfer probe left out: policy 'random'"));
    }

    List<String> again = new ArrayList<>();
    try (VzRun run = VzRun.start(config)) {
      Pipeline pipeline = Pipeline.start(run, config, new ScriptedRuntime(), new SimpleMeterRegistry(), again::add);
      pipeline.finish(Pipeline.End.STOP_REQUESTED, false, Map.of());
    }
    assertThat(again).anyMatch(line -> line.contains("already published"));
  }

  @Test
  void givenTooLittleFreeDisk_whenRunning_thenStopsCleanlyAsDiskLowAndStillWritesTheSummary() throws Exception {
    Map<String, String> lowDisk = new HashMap<>();
    // more free space than any disk has: the guard fires at its first look
    lowDisk.put(VzRunConfig.DISK_MIN_FREE_MB, Long.toString(1L << 40));
    VzRunConfig config = config(lowDisk);

    try (VzRun run = VzRun.start(config)) {
      Pipeline pipeline = Pipeline.start(run, config, new ScriptedRuntime(), new SimpleMeterRegistry(), line -> { });
      Pipeline.End end = pipeline.awaitEnd(config.duration(), () -> false);
      pipeline.finish(end, false, Map.of());

      assertThat(end).isEqualTo(Pipeline.End.DISK_LOW);
      JsonNode summary = new ObjectMapper().readTree(pipeline.runDir().resolve(RunReport.SUMMARY_FILE).toFile());
      assertThat(summary.get("end").asText()).isEqualTo("disk_low");
      assertThat(summary.get("stopReason").asText()).contains("MiB free").contains("disk.min.free.mb");
    }
  }

  private VzRunConfig config() {
    return config(Map.of());
  }

  private VzRunConfig config(Map<String, String> extra) {
    Map<String, String> flags = new HashMap<>();
    flags.put("data.dir", dataDir.toString());
    flags.put("broker.port", "0");
    flags.put(VzRunConfig.POLICY, VzRunConfig.POLICY_RANDOM);
    flags.put(VzRunConfig.DURATION, "25s");
    flags.put(VzRunConfig.PRODUCE_RATE, "0");
    flags.put(VzRunConfig.PRODUCE_COUNT, "400");
    flags.put(VzRunConfig.EVAL_GAMES_PER_ARM, "6");
    flags.put(VzRunConfig.EVAL_FINAL_GAMES, Integer.toString(FINAL_GAMES));
    flags.put(VzRunConfig.EVAL_FINAL_BUDGET, "90s");
    flags.put(VzRunConfig.PROGRESS_INTERVAL, "5s");
    flags.putAll(extra);
    return ConfigLoader.load(VzRunConfig.CONFIG_DEF, VzRunConfig::new,
        new ConfigSources(Optional.empty(), Map.of(), flags));
  }
}
