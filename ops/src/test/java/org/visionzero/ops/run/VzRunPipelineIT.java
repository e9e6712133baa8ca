package org.visionzero.ops.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.slf4j.LoggerFactory;
import org.visionzero.events.DeadLetter;
import org.visionzero.ops.audit.LogAudit;
import org.visionzero.ops.chaos.poison.DeadLetterCounts;
import org.visionzero.ops.chaos.poison.PoisonAccounting;
import org.visionzero.ops.chaos.poison.PoisonKind;
import org.visionzero.ops.chaos.poison.PoisonReport;
import org.visionzero.ops.chaos.poison.PoisonWriter;
import org.visionzero.ops.config.ConfigLoader;
import org.visionzero.ops.config.ConfigSources;
import org.visionzero.ops.config.VzRunConfig;
import org.visionzero.ops.eval.VersionResult;
import org.visionzero.ops.report.RunReport;
import org.visionzero.streams.coordinator.CoordinatorMetrics;
import org.visionzero.topics.Topic;
import org.visionzero.topics.TopicCatalog;

/**
 * {@code vz run} with the scripted random policy: every component wired through the embedded broker, the
 * evaluator's games played and scored, the report written, while hostile records of every kind are written to
 * every input topic and each is dead-lettered with its reason; a second run on the same data dir finds v0 and
 * continues.
 */
@Isolated // the whole pipeline and a poison load: alone, not beside another IT
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class VzRunPipelineIT {

  private static final int FINAL_GAMES = 12;
  /** Eight rounds of the 38 (topic, kind) pairs: every impossible value of every topic at least twice. */
  private static final int POISON = 304;

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
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      Pipeline pipeline = Pipeline.start(run, config, new ScriptedRuntime(), registry,
          line -> { synchronized (lines) { lines.add(line); } });
      PoisonReport poison = writePoisonOnceGamesComplete(run, registry);
      double completedAtPoison = completed(registry);
      Pipeline.End end = pipeline.awaitEnd(config.duration(), () -> false);
      Path report = pipeline.finish(end, true, Map.of());

      assertEveryPoisonRecordAccountedFor(run, poison, registry, completedAtPoison);

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

  /**
   * Writes {@value #POISON} hostile records of every kind to every input topic once the run has completed a game
   * (so that there are records to replay and a checkpoint to imitate).
   */
  private static PoisonReport writePoisonOnceGamesComplete(VzRun run, SimpleMeterRegistry registry)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (completed(registry) < 1 && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
    }
    try (PoisonWriter writer = new PoisonWriter(run.clientProperties().asMap(), run.catalog(), 22L)) {
      return writer.write(POISON);
    }
  }

  /**
   * Every poison record is dead-lettered with a specific reason (trajectories excepted: their reader, the trainer,
   * does not run with the scripted policy; StreamingTrainerTest covers it), replays are tolerated, nothing stopped,
   * and the run's own guarantees hold for its real games.
   */
  private static void assertEveryPoisonRecordAccountedFor(VzRun run, PoisonReport poison, SimpleMeterRegistry registry,
      double completedAtPoison) throws Exception {
    TopicCatalog topics = run.catalog();
    Map<String, Object> clients = run.clientProperties().asMap();
    assertThat(poison.writtenByTopic().keySet()).containsExactlyInAnyOrderElementsOf(PoisonWriter.inputTopics(topics)
        .stream().map(Topic::name).toList());
    assertThat(poison.writtenByKind().keySet()).containsExactlyInAnyOrderElementsOf(
        java.util.Arrays.stream(PoisonKind.values()).map(PoisonKind::tag).toList());
    List<DeadLetter> letters = DeadLetterCounts.readAll(clients, topics, Duration.ofSeconds(30));
    List<PoisonReport.Written> expected = poison.records().stream()
        .filter(record -> !record.topic().equals(topics.trajectories().name())).toList();
    assertThat(PoisonAccounting.unaccounted(expected, letters)).as("poison records without a dead letter").isEmpty();

    Map<String, Long> byReason = DeadLetterCounts.byReason(letters);
    assertThat(byReason).containsKeys("not-single-object-encoded", "unknown-schema-fingerprint", "corrupt-body",
        "clue-too-long", "seat-out-of-range", "unknown-game", "vote-before-clue-stage", "version-from-the-future",
        "version-out-of-range", "blob-ref-invalid", "policy-unknown", "training-value-not-finite");
    assertThat(byReason.keySet()).as("every letter has a specific reason, not a bare exception class")
        .allMatch(reason -> reason.matches("[a-z0-9]+(-[a-z0-9]+)*"));
    assertThat(letters).extracting(DeadLetter::getComponent).contains("coordinator", "scorer", "training-log")
        .anyMatch(component -> component.contains("worker"));
    LoggerFactory.getLogger(VzRunPipelineIT.class).info("poison written by kind {}, by topic {}; dead letters by "
        + "reason {}", poison.writtenByKind(), poison.writtenByTopic(), byReason);

    // nothing stopped: games kept completing after the poison, and the log's guarantees hold for real games
    assertThat(completed(registry)).isGreaterThan(completedAtPoison);
    LogAudit audit = LogAudit.read(clients, topics, Duration.ofSeconds(30));
    java.util.Set<String> replayed = poison.records().stream()
        .filter(record -> record.kind().equals(PoisonKind.REPLAYED_DUPLICATE.tag()))
        .map(PoisonReport.Written::key).collect(java.util.stream.Collectors.toSet());
    java.util.function.Predicate<String> real = id -> !id.startsWith("poison-")
        && replayed.stream().noneMatch(game -> game != null && (id.startsWith(game + "/") || id.equals(game)));
    assertThat(audit.turnsAnsweredTwice().stream().filter(real)).as("turns answered twice").isEmpty();
    assertThat(audit.trajectoriesTwice().stream().filter(real)).as("trajectories twice").isEmpty();
    assertThat(audit.completedWithoutTrajectory().stream().filter(real)).as("games lost").isEmpty();
    assertThat(audit.inconsistentTrajectories().keySet().stream().filter(real)).isEmpty();
  }

  private static double completed(SimpleMeterRegistry registry) {
    return registry.find(CoordinatorMetrics.GAMES_COMPLETED).counters().stream().mapToDouble(c -> c.count()).sum();
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
