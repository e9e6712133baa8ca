package org.visionzero.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.visionzero.ops.cli.options.OutputOptions;

class LearningBenchSeriesTest {

  /** An arm that reaches accuracy 0.9 at {@code toTarget} seconds (never when negative), after 60 s in all. */
  private static LearningArm arm(String name, double toTarget, long games) {
    List<LearningPoint> points = toTarget < 0
        ? List.of(new LearningPoint(0, 0, 0, 0, 0.2, 0.2, 0, 100), new LearningPoint(50, 10, 80, 2, 0.5, 0.2, 0, 100))
        : List.of(new LearningPoint(0, 0, 0, 0, 0.2, 0.2, 0, 100),
            new LearningPoint(toTarget, 10, 80, 2, 0.9, 0.2, 0, 100));
    return new LearningArm(name, "duration_reached", 60, 20, games, points, Map.of());
  }

  private static LearningBenchSeries.SeedRun seed(long seed, double streaming, double sync) {
    return new LearningBenchSeries.SeedRun(seed, List.of("streaming", "sync"), new LearningBenchResult(0.8, 60, 30,
        "v0", arm("streaming", streaming, 600), arm("sync", sync, 1_200)));
  }

  private static JsonNode json(LearningBenchSeries series) throws Exception {
    return new ObjectMapper().readTree(OutputOptions.toJson(series.toJson()));
  }

  @Test
  void shouldTakeTheMedianOverSeedsOfEachArmAndTheirRatio() throws Exception {
    LearningBenchSeries series = new LearningBenchSeries(List.of(seed(1, 30, 10), seed(2, 50, 20), seed(3, 40, 40)));

    JsonNode json = json(series);

    assertThat(json.get("medianSecondsToTarget").get("streaming").asDouble()).isEqualTo(40.0);
    assertThat(json.get("medianSecondsToTarget").get("sync").asDouble()).isEqualTo(20.0);
    assertThat(json.get("streamingToSyncSecondsToTarget").asDouble()).isEqualTo(2.0);
    assertThat(json.get("syncToStreamingSecondsToTarget").asDouble()).isEqualTo(0.5);
    assertThat(json.get("streamingToSyncGamesPerSecond").asDouble()).isEqualTo(0.5);
    assertThat(json.get("seeds")).hasSize(3);
    assertThat(json.get("runs")).hasSize(3);
    assertThat(json.get("runs").get(1).get("seed").asLong()).isEqualTo(2);
    assertThat(json.get("runs").get(1).get("streaming").get("secondsToTarget").asDouble()).isEqualTo(50.0);
    assertThat(json.has("streaming")).as("several seeds: no single arm at the top").isFalse();
  }

  @Test
  void shouldCountAMissedTargetAsSlowerThanAnyReachedOne() {
    LearningBenchSeries oneMissed = new LearningBenchSeries(List.of(seed(1, -1, 10), seed(2, 50, 20),
        seed(3, 40, 30)));
    LearningBenchSeries twoMissed = new LearningBenchSeries(List.of(seed(1, -1, 10), seed(2, -1, 20),
        seed(3, 40, 30)));

    assertThat(oneMissed.medianSecondsToTarget(LearningBenchResult::streaming)).contains(50.0);
    assertThat(twoMissed.medianSecondsToTarget(LearningBenchResult::streaming)).isEmpty();
    assertThat(twoMissed.streamingToSyncSecondsToTarget()).isEmpty();
  }

  @Test
  void shouldKeepASingleSeedsArmsAtTheTopLevel() throws Exception {
    JsonNode json = json(new LearningBenchSeries(List.of(seed(7, 30, 10))));

    assertThat(json.get("streaming").get("secondsToTarget").asDouble()).isEqualTo(30.0);
    assertThat(json.get("sync").get("secondsToTarget").asDouble()).isEqualTo(10.0);
    assertThat(json.get("streamingToSyncSecondsToTarget").asDouble()).isEqualTo(3.0);
    assertThat(json.get("commonSeconds").asDouble()).isEqualTo(60.0);
  }

  @Test
  void shouldTakeTheMiddleOfAnEvenNumberOfValues() {
    assertThat(LearningBenchSeries.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
    assertThat(LearningBenchSeries.median(List.of(5.0))).isEqualTo(5.0);
  }
}
