package org.visionzero.ops.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.visionzero.json.Json;

class HeadlineTest {
  private static final Path RUN = Path.of("vz-data", "runs", "run-1");
  private static final Path REPORT = RUN.resolve("report.html");

  @Test
  void givenAFinalEvaluation_whenSummarised_thenWhereTheResultsAreAndTheThreeFiguresBesideTheirBaselines()
      throws Exception {
    String summary = """
        {"decisionAccuracy":0.9756,"decisionAccuracyPerGameLow":0.9572,"decisionAccuracyPerGameHigh":0.9941,
         "noImageAccuracy":0.2735,"noImageAccuracyPerGameLow":0.2412,"noImageAccuracyPerGameHigh":0.3058,
         "evaluatedGamesPerArm":118,"naRate":0.0,"winRateVsV0FixedReferee":0.5236,
         "winRateVsV0FixedRefereeLow":0.4596,"refereeVersion":53,"players":5,"chanceDecisionAccuracy":0.2,
         "evaluations":[{"version":0,"decisionAccuracy":{"rate":0.2031},"naRate":{"rate":0.0938}}]}""";

    assertThat(Headline.lines(Json.mapper().readTree(summary), RUN, REPORT)).containsExactly(
        "Run directory: " + RUN,
        "Report: " + REPORT + "   Summary: " + RUN.resolve(RunReport.SUMMARY_FILE),
        "decision accuracy 0.976 (per game 0.957-0.994, 118 games) beside: no image 0.274 (per game 0.241-0.306), "
            + "v0 0.203, chance 0.200 (5 players)",
        "N/A rate 0.000 (v0 0.094)",
        "clue win rate against v0 under fixed referee v53: 0.524 (low 0.460; even: 0.5)");
  }

  @Test
  void givenARunStoppedBeforeAnyEvaluation_whenSummarised_thenDashesNotErrors() throws Exception {
    String summary = """
        {"decisionAccuracy":null,"naRate":null,"winRateVsV0FixedReferee":null,"refereeVersion":-1,"evaluations":[]}""";

    assertThat(Headline.lines(Json.mapper().readTree(summary), RUN, REPORT)).containsExactly(
        "Run directory: " + RUN,
        "Report: " + REPORT + "   Summary: " + RUN.resolve(RunReport.SUMMARY_FILE),
        "decision accuracy - (per game -, 0 games) beside: no image - (per game -), v0 -, chance -",
        "N/A rate - (v0 -)",
        "clue win rate against v0 under fixed referee -: - (low -; even: 0.5)");
  }
}
