package org.visionzero.logtools.rescore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.visionzero.json.Json;

class RescoreComparisonTest {
  private static final byte[] A = {1, 2, 3};
  private static final byte[] B = {1, 2, 4};

  @Test
  void shouldReportAllIdenticalWhenEveryTrajectoryHasTheSameBytes() {
    RescoreReport report = RescoreComparison.compare("beginning", "s", Map.of("g1", A.clone(), "g2", B.clone()),
        Map.of("g1", A.clone(), "g2", B.clone()), Set.of("g1", "g2"), Map.of(), 0, 0);

    assertThat(report.total()).isEqualTo(2);
    assertThat(report.identical()).isEqualTo(2);
    assertThat(report.allIdentical()).isTrue();
  }

  @Test
  void shouldNameDifferingAndMissingGamesWhenTheyDoNotMatch() {
    // g1 same, g2 differs, g3 re-derived only, g4 recorded only (started in the window), g5 recorded but
    // started before the window (not compared)
    RescoreReport report = RescoreComparison.compare("beginning", "s",
        Map.of("g1", A, "g2", A, "g3", A), Map.of("g1", A, "g2", B, "g4", A, "g5", A),
        Set.of("g1", "g2", "g3", "g4"), Map.of(), 1, 0);

    assertThat(report.total()).isEqualTo(4);
    assertThat(report.identical()).isEqualTo(1);
    assertThat(report.differing()).containsExactly("g2");
    assertThat(report.notRecorded()).containsExactly("g3");
    assertThat(report.notRescored()).containsExactly("g4");
    assertThat(report.allIdentical()).isFalse();
  }

  @Test
  void shouldStillCallItIdenticalWhenTheLogHasRecordsNoScorerCouldDecode() {
    RescoreReport report = RescoreComparison.compare("beginning", "s", Map.of("g1", A), Map.of("g1", A),
        Set.of("g1"), Map.of(), 0, 2);

    assertThat(report.allIdentical()).isTrue();
    assertThat(report.deadLetters()).isEqualTo(2);
  }

  @Test
  void shouldNotCallItIdenticalWhenATrajectoryWasRecordedTwice() throws Exception {
    RescoreReport report = RescoreComparison.compare("beginning", "s", Map.of("g1", A), Map.of("g1", A),
        Set.of("g1"), Map.of(), 1, 0);

    JsonNode json = Json.mapper().readTree(report.toJson());
    assertThat(json.get("allIdentical").asBoolean()).isFalse();
    assertThat(json.get("recordedDuplicates").asInt()).isEqualTo(1);
    assertThat(json.get("identical").asInt()).isEqualTo(1);
  }

  @Test
  void shouldFailAnIdenticalRescoreWhenARecordedTrajectoryContradictsItself() throws Exception {
    RescoreReport report = RescoreComparison.compare("beginning", "s", Map.of("g1", A), Map.of("g1", A),
        Set.of("g1"), Map.of("g1", List.of("outcome (votes [2, 3, 0, 3]) is not the tally of its decisions")), 0, 0);

    assertThat(report.allIdentical()).isTrue();
    assertThat(report.allConsistent()).isFalse();
    assertThat(report.passed()).isFalse();
    JsonNode json = Json.mapper().readTree(report.toJson());
    assertThat(json.get("allConsistent").asBoolean()).isFalse();
    assertThat(json.get("inconsistent").get("g1").get(0).asText()).startsWith("outcome");
  }
}
