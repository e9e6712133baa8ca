package org.visionzero.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.visionzero.ops.cli.options.OutputOptions;

class LearningBenchResultTest {

  private static LearningPoint point(double seconds, long step, double accuracy) {
    return new LearningPoint(seconds, step, step * 8, (int) (step / 10), accuracy, 0.2, 0.05, 200);
  }

  private static final LearningArm STREAMING = new LearningArm("streaming", "duration_reached", 180, 150, 1_440,
      List.of(point(0, 0, 0.21), point(60, 50, 0.5), point(120, 100, 0.82), point(170, 140, 0.86)),
      Map.of("evaluationGames", 900L));
  private static final LearningArm SYNC = new LearningArm("sync", "steps_done", 90, 400, 3_200,
      List.of(point(0, 0, 0.2), point(30, 100, 0.6), point(60, 200, 0.78), point(90, 400, 0.84)), Map.of());

  private static JsonNode json(LearningBenchResult result) throws Exception {
    return new ObjectMapper().readTree(OutputOptions.toJson(result.toJson()));
  }

  @Test
  void shouldReportBothArmsTheirTimesToTargetAndTheRatios() throws Exception {
    LearningBenchResult result = new LearningBenchResult(0.8, 180, 30, "v0.ckpt", STREAMING, SYNC);

    JsonNode json = json(result);

    assertThat(json.get("target").asDouble()).isEqualTo(0.8);
    assertThat(json.get("commonSeconds").asDouble()).isEqualTo(90.0);
    assertThat(json.get("syncToStreamingSecondsToTarget").asDouble()).isEqualTo(90.0 / 120.0);
    assertThat(json.get("streamingToSyncGamesPerSecond").asDouble()).isEqualTo((1_440 / 180.0) / (3_200 / 90.0));
    JsonNode streaming = json.get("streaming");
    assertThat(streaming.get("secondsToTarget").asDouble()).isEqualTo(120.0);
    assertThat(streaming.get("last").get("decisionAccuracy").asDouble()).isEqualTo(0.86);
    assertThat(streaming.get("last").get("noImageAccuracy").asDouble()).isEqualTo(0.2);
    assertThat(streaming.get("last").get("naRate").asDouble()).isEqualTo(0.05);
    assertThat(streaming.get("last").get("games").asLong()).isEqualTo(1_440);
    assertThat(streaming.get("last").get("gamesPerSecond").asDouble()).isEqualTo(8.0);
    assertThat(streaming.get("atCommonSeconds").get("seconds").asDouble()).isEqualTo(60.0);
    assertThat(streaming.get("atCommonSeconds").get("decisionAccuracy").asDouble()).isEqualTo(0.5);
    assertThat(streaming.get("points")).hasSize(4);
    assertThat(streaming.get("evaluationGames").asLong()).isEqualTo(900);
    JsonNode sync = json.get("sync");
    assertThat(sync.get("secondsToTarget").asDouble()).isEqualTo(90.0);
    assertThat(sync.get("end").asText()).isEqualTo("steps_done");
    assertThat(sync.get("atCommonSeconds").get("step").asLong()).isEqualTo(400);
  }

  @Test
  void shouldWriteNullForATimeNotReachedAndItsRatio() throws Exception {
    LearningBenchResult result = new LearningBenchResult(0.85, 180, 30, "v0.ckpt", STREAMING, SYNC);

    JsonNode json = json(result);

    assertThat(json.get("sync").get("secondsToTarget").isNull()).isTrue();
    assertThat(json.get("streaming").get("secondsToTarget").asDouble()).isEqualTo(170.0);
    assertThat(json.get("syncToStreamingSecondsToTarget").isNull()).isTrue();
    assertThat(json.get("streamingToSyncGamesPerSecond").isNumber()).isTrue();
    assertThat(result.toText()).contains("seconds to accuracy 0.85").contains("not reached")
        .contains("time-to-target ratio sync/streaming: n/a");
  }

  @Test
  void shouldWriteNullRatherThanNaNForAnArmWithoutEvaluationsOrTime() throws Exception {
    LearningArm empty = new LearningArm("sync", "steps_done", 0, 0, 0, List.of(), Map.of());
    LearningBenchResult result = new LearningBenchResult(0.8, 60, 30, "v0.ckpt", STREAMING, empty);

    JsonNode json = json(result);

    assertThat(json.get("sync").get("last").get("decisionAccuracy").isNull()).isTrue();
    assertThat(json.get("sync").get("gamesPerSecond").isNull()).isTrue();
    assertThat(json.get("sync").get("atCommonSeconds").isNull()).isTrue();
    assertThat(json.get("streamingToSyncGamesPerSecond").isNull()).isTrue();
    assertThat(result.toText()).contains("training games/s");
  }
}
