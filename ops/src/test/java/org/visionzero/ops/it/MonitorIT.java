package org.visionzero.ops.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.logtools.monitor.ClueMonitor;
import org.visionzero.logtools.monitor.ClueStats;
import org.visionzero.logtools.monitor.PluginConsumer;
import org.visionzero.logtools.monitor.PluginSettings;
import org.visionzero.ops.testing.KafkaBrokerExtension;
import org.visionzero.topics.TopicCatalog;

/**
 * The example plug-in consumer beside a live pipeline: it measures every clue in its own group, and the
 * pipeline produces the same trajectories (count and content) as a run without it.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class MonitorIT {

  @RegisterExtension
  static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

  private static final int GAMES = 10;
  private static final int CLUES_PER_GAME = 8;
  private static final PolicyRef BASE_MODEL = new PolicyRef("vz", 0);
  private static final Duration BUDGET = Duration.ofSeconds(120);
  private static final Duration MONITOR_BUDGET = Duration.ofSeconds(30);

  @Test
  void shouldMeasureCluesBesideALivePipelineWithoutChangingItsTrajectories() throws Exception {
    // given a run of the pipeline without the monitor
    Map<String, ScoredTrajectory> without = play(KAFKA.createTopics(KAFKA.uniqueCatalog()));

    // when the same games are played with the monitor running from the start in its own group
    TopicCatalog topics = KAFKA.createTopics(KAFKA.uniqueCatalog());
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    String group = KAFKA.uniqueId(ClueMonitor.GROUP_ID);
    Map<String, ScoredTrajectory> with;
    ClueStats.Snapshot stats;
    try (ClueMonitor monitor = new ClueMonitor(new PluginSettings(KAFKA.clientProperties(), group,
        ClueMonitor.COMPONENT, topics, true), registry)) {
      Thread thread = new Thread(monitor, "clue-monitor");
      thread.start();
      with = play(topics);
      stats = awaitClues(monitor, GAMES * CLUES_PER_GAME);
      monitor.stop();
      thread.join(TimeUnit.SECONDS.toMillis(30));

      // then the training input is the same: as many trajectories, identical but for the completion times
      assertThat(normalised(with)).isEqualTo(normalised(without)).hasSize(GAMES);
      // and the monitor saw every clue: each seat repeats its round-1 clue in round 2, so half repeat
      assertThat(stats.clues()).isEqualTo(GAMES * CLUES_PER_GAME);
      assertThat(stats.repeatedShare()).isEqualTo(0.5);
      assertThat(stats.vocabulary()).isEqualTo(7); // seat 1 2 3 4 says hello
      assertThat(registry.get(PluginConsumer.DEAD_LETTERS).counter().count()).isZero();
      assertThat(registry.get(ClueStats.REPEATED_SHARE).tags("version", "0").gauge().value()).isEqualTo(0.5);
      // and its offsets live in its own group, at the end of game-events
      try (Admin admin = KAFKA.admin()) {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
            .partitionsToOffsetAndMetadata().get();
        assertThat(committed.keySet()).extracting(TopicPartition::topic).containsOnly(topics.gameEvents().name());
        Map<TopicPartition, Long> end;
        try (var consumer = ReplayIT.readCommitted(KAFKA)) {
          end = consumer.endOffsets(committed.keySet());
        }
        committed.forEach((partition, offset) -> assertThat(offset.offset()).isEqualTo(end.get(partition)));
      }
      Files.writeString(ReplayIT.outputDir().resolve("monitor-metrics.txt"), registry.scrape().lines()
          .filter(line -> line.startsWith("vz_monitor") || line.startsWith("vz_plugin"))
          .collect(Collectors.joining("\n", "", "\n")));
    }
  }

  private static Map<String, ScoredTrajectory> play(TopicCatalog topics) throws Exception {
    Path dir = Files.createTempDirectory("monitor-it");
    try (ReplayIT.ScriptedPipeline pipeline = ReplayIT.ScriptedPipeline.start(KAFKA, topics, dir, GAMES,
        request -> "seat " + request.getSeat() + " says hello")) {
      return pipeline.awaitAll(BUDGET);
    }
  }

  private static ClueStats.Snapshot awaitClues(ClueMonitor monitor, int clues) throws InterruptedException {
    Instant until = Instant.now().plus(MONITOR_BUDGET);
    while (monitor.stats().snapshot(BASE_MODEL).clues() < clues && Instant.now().isBefore(until)) {
      Thread.sleep(100);
    }
    return monitor.stats().snapshot(BASE_MODEL);
  }

  /** Trajectories by game id with the wall-clock completion time taken out (the only thing two runs differ in). */
  private static Map<String, ScoredTrajectory> normalised(Map<String, ScoredTrajectory> trajectories) {
    Map<String, ScoredTrajectory> result = new TreeMap<>();
    trajectories.forEach((gameId, trajectory) -> result.put(gameId,
        ScoredTrajectory.newBuilder(trajectory).setOccurredAt(Instant.EPOCH).build()));
    return result;
  }

}
