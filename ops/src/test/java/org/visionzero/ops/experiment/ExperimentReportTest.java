package org.visionzero.ops.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.visionzero.json.Json;
import org.visionzero.ops.eval.Mean;

class ExperimentReportTest {
  private static final ExperimentSpec SPEC = new ExperimentSpec("t", "<b>desc</b>", Duration.ofSeconds(100),
      List.of(1L, 2L), Map.of(), List.of(new ExperimentSpec.Arm("a", Map.of("trainer.phase.schedule",
          "<script>alert(`x${1}`)</script>"))));

  @Test
  void shouldReportPooledFiguresAndSayWhenARunIsMissing() throws Exception {
    RunOutcome done = RunOutcome.finished("a", 1, summary(Mean.EMPTY.plus(1).plus(0)));
    RunOutcome failed = RunOutcome.failed("a", 2, "vz run exited with 1");

    ExperimentReport report = new ExperimentReport(SPEC, List.of(done, failed));
    JsonNode json = Json.mapper().readTree(report.json());

    assertThat(report.complete()).isFalse();
    assertThat(json.path("complete").asBoolean()).isFalse();
    JsonNode arm = json.path("arms").get(0);
    assertThat(arm.path("runs")).hasSize(2);
    assertThat(arm.path("runs").get(1).path("failure").asText()).contains("exited with 1");
    assertThat(arm.path("pooled").path("decisionAccuracyPerGame").path("value").asDouble()).isEqualTo(0.5);
    assertThat(arm.path("pooled").path("decisionAccuracyPerGame").path("n").asLong()).isEqualTo(2);
    assertThat(arm.path("pooled").path("naRate").path("value").isNull()).isTrue();
    assertThat(arm.path("chanceDecisionAccuracy").asDouble()).isEqualTo(0.25);
  }

  @Test
  void shouldEscapeEverySettingAndTheDescriptionInThePage() {
    String html = new ExperimentReport(SPEC, List.of(RunOutcome.finished("a", 1, summary(Mean.EMPTY.plus(1)))))
        .html();

    assertThat(html).doesNotContain("<script>").doesNotContain("<b>desc").doesNotContain("`x${1}`")
        .contains("&lt;script&gt;").contains("data:image/png;base64,");
  }

  private static JsonNode summary(Mean accuracy) {
    return Json.mapper().valueToTree(Map.of("chanceDecisionAccuracy", 0.25, "final",
        Map.of("decisionAccuracyPerGame", accuracy.toJson()),
        "evaluations", List.of(Map.of("version", 0, "decisionAccuracy", Map.of("rate", 0.3)))));
  }
}
