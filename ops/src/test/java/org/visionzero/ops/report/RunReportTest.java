package org.visionzero.ops.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visionzero.events.Outcome;
import org.visionzero.events.Phase;
import org.visionzero.events.PhaseChanged;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.Purpose;
import org.visionzero.events.Role;
import org.visionzero.events.SampledTokens;
import org.visionzero.events.ScoredClue;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.events.TrainingEvent;
import org.visionzero.events.TrainingStepCompleted;
import org.visionzero.events.Winner;
import org.visionzero.ops.eval.ClusteredProportion;
import org.visionzero.ops.eval.Mean;
import org.visionzero.ops.eval.Proportion;
import org.visionzero.ops.eval.VersionResult;
import org.visionzero.ops.probe.ProbeReport;
import org.visionzero.ops.probe.ProbeResult;
import org.visionzero.ops.probe.TaskResult;

class RunReportTest {

  private static final String RUN = "run-7";

  @TempDir
  Path runDir;

  @Test
  void shouldWriteSummaryWithTheAgreedKeysAndAReportWithChartsAndEscapedClues() throws Exception {
    TrainingHistory history = new TrainingHistory(RUN);
    for (long step = 1; step <= 6; step++) {
      history.add(event(step(step, step <= 3 ? Phase.DECISION : Phase.CLUE)));
    }
    history.add(new TrainingEvent("pc", Instant.EPOCH, RUN, new PhaseChanged(3L, Phase.DECISION, Phase.CLUE, "cycle")));
    history.add(new TrainingEvent("other", Instant.EPOCH, "another-run", step(9, Phase.CLUE)));
    VersionResult v0 = result(0, 50, 100);
    VersionResult v1 = result(1, 90, 100);
    RunSummary summary = new RunSummary(RUN, Instant.EPOCH, Instant.EPOCH.plusSeconds(90), history.latest(),
        Optional.of(v1), List.of(v0, v1), Map.of("workers", 2));
    SampleGame sample = new SampleGame(game("<script>alert(1)</script> red cube"), Optional.of(new byte[] {1, 2}),
        Optional.empty());

    Path report = RunReport.write(runDir, summary, history, List.of(sample));

    JsonNode json = new ObjectMapper().readTree(runDir.resolve(RunReport.SUMMARY_FILE).toFile());
    assertThat(json.get("decisionAccuracy").asDouble()).isEqualTo(0.9);
    assertThat(json.get("winRateVsV0FixedRefereeLow").asDouble()).isLessThan(json.get("winRateVsV0FixedReferee").asDouble());
    assertThat(json.get("winRateVsV0FixedReferee").asDouble()).isEqualTo(0.6);
    assertThat(json.get("winRateVsV0FixedRefereeAsSpy").asDouble()).isEqualTo(0.7);
    assertThat(json.get("winRateVsV0FixedRefereeAsCivilians").asDouble()).isEqualTo(0.5);
    assertThat(json.get("winRateVsV0FixedRefereeAsSpyLow").asDouble()).isEqualTo(new Proportion(35, 50).low());
    assertThat(json.get("winRateVsV0FixedRefereeAsCiviliansHigh").asDouble())
        .isEqualTo(new Proportion(25, 50).high());
    assertThat(json.get("winRateVsV0FixedRefereeHigh").asDouble()).isEqualTo(v1.clueWinRate().high());
    assertThat(json.get("naRateLow").asDouble()).isEqualTo(v1.naRateVotes().low());
    assertThat(json.get("naRateHigh").asDouble()).isEqualTo(v1.naRateVotes().high());
    assertThat(json.get("evaluatedPairs").asLong()).isEqualTo(v1.decisionPairs());
    assertThat(json.has("noImageAccuracy") && json.has("naRate") && json.has("clueFidelity")
        && json.has("winRateVsV0PaperStyle")).isTrue();
    assertThat(json.get("trainingSteps").asLong()).isEqualTo(6);
    assertThat(json.get("evaluations")).hasSize(2);
    assertThat(json.get("workers").asInt()).isEqualTo(2);

    Document page = Jsoup.parse(Files.readString(report, StandardCharsets.UTF_8));
    assertThat(page.select("script")).isEmpty();
    assertThat(page.select("q").first().text()).isEqualTo("<script>alert(1)</script> red cube");
    assertThat(page.select("img[src^=data:image/png;base64,]")).hasSizeGreaterThanOrEqualTo(5);
    assertThat(page.text()).contains("spy's image not in the blob store");
  }

  @Test
  void givenOneEvaluatedVersion_whenReported_thenNoEmptyChartAndFiguresInWordsWithCountsAsIntegers() throws Exception {
    TrainingHistory history = new TrainingHistory(RUN);
    history.add(event(step(1, Phase.DECISION)));
    VersionResult v0 = result(0, 50, 100);
    RunSummary summary = new RunSummary(RUN, Instant.EPOCH, Instant.EPOCH.plusSeconds(305), history.latest(),
        Optional.of(v0), List.of(v0), Map.of("gamesCompleted", 1234L, "workers", 1));

    Path report = RunReport.write(runDir, summary, history, List.of());

    Document page = Jsoup.parse(Files.readString(report, StandardCharsets.UTF_8));
    assertThat(page.select("img[src^=data:image/png;base64,]")).isEmpty();
    assertThat(page.text()).contains("One version was evaluated, so there is no curve",
        "One training step: curves need two or more",
        "Decision accuracy on v0's clues (share of votes on the spy) 0.500", "Games completed 1,234",
        "Wall time 5 min 05 s", "Final evaluation games per arm 2");
    assertThat(page.select("th[title=decisionAccuracy]")).hasSize(1);
  }

  @Test
  void shouldShadeOnlyConsecutiveCluePhaseSteps() {
    List<PhaseSpans.Span> spans = PhaseSpans.of(List.of(step(1, Phase.DECISION), step(2, Phase.CLUE),
        step(3, Phase.CLUE), step(4, Phase.DECISION)));

    assertThat(spans).containsExactly(new PhaseSpans.Span(Phase.DECISION, 1, 1), new PhaseSpans.Span(Phase.CLUE, 2, 3),
        new PhaseSpans.Span(Phase.DECISION, 4, 4));
  }

  @Test
  void shouldWriteNullsWhenNothingWasEvaluated() throws Exception {
    RunSummary summary = new RunSummary(RUN, Instant.EPOCH, Instant.EPOCH, Optional.empty(), Optional.empty(),
        List.of(), Map.of());

    RunReport.write(runDir, summary, new TrainingHistory(RUN), List.of());

    JsonNode json = new ObjectMapper().readTree(runDir.resolve(RunReport.SUMMARY_FILE).toFile());
    assertThat(json.get("decisionAccuracy").isNull()).isTrue();
    assertThat(Files.readString(runDir.resolve(RunReport.REPORT_FILE))).contains("No training step was completed");
  }

  @Test
  void givenAProbe_whenReported_thenSummaryHoldsItUnderProbe_andThePageShowsItsTableEscaped() throws Exception {
    TaskResult match = new TaskResult("scenes", "which <scene>?", 4, new Proportion(180, 200), Proportion.EMPTY);
    TaskResult count = new TaskResult("scenes", "how many?", 4, new Proportion(150, 200), new Proportion(52, 200));
    ProbeResult v0 = new ProbeResult("v0", 0, "aa", Map.of("caption-match/scenes", match), 1.5);
    ProbeResult last = new ProbeResult("v9 (final)", 9, "bb",
        Map.of("caption-match/scenes", match, "colour-count/scenes", count), 1.4);
    ProbeReport probe = new ProbeReport(200, 7, 8, 2.0, v0, List.of(last));
    RunSummary summary = new RunSummary(RUN, Instant.EPOCH, Instant.EPOCH, Optional.empty(), Optional.empty(),
        List.of(), Map.of(ReportPage.PROBE, probe));

    RunReport.write(runDir, summary, new TrainingHistory(RUN), List.of());

    JsonNode json = new ObjectMapper().readTree(runDir.resolve(RunReport.SUMMARY_FILE).toFile());
    JsonNode finalMatch = json.get("probe").get("checkpoints").get(0).get("tasks").get("caption-match/scenes");
    assertThat(finalMatch.get("accuracy").get("rate").asDouble()).isEqualTo(0.9);
    assertThat(finalMatch.get("accuracy").get("n").asInt()).isEqualTo(200);
    assertThat(finalMatch.get("chance").asDouble()).isEqualTo(0.25);
    assertThat(finalMatch.has("noImageAccuracy")).isFalse();
    assertThat(finalMatch.has("correct")).as("figures once, as accuracy").isFalse();
    assertThat(json.get("probe").get("v0").get("label").asText()).isEqualTo("v0");
    Document page = Jsoup.parse(Files.readString(runDir.resolve(RunReport.REPORT_FILE)));
    assertThat(page.select("h2").eachText()).anyMatch(h -> h.startsWith("Transfer probe"));
    assertThat(page.text()).contains("which <scene>?").contains("0.900 [").contains("v9 (final)");
    assertThat(page.select("table").first().text()).doesNotContain("probe");
  }

  private static VersionResult result(int version, int correct, int of) {
    return new VersionResult(version, ClusteredProportion.independent(new Proportion(correct, of)),
        ClusteredProportion.independent(new Proportion(48, 100)), ClusteredProportion.independent(new Proportion(2, 100)),
        new Proportion(35, 50), new Proportion(25, 50), Mean.EMPTY.plus(0.9).plus(0.8), new Proportion(55, 100), 1, 500,
        new Proportion(10, 250), Mean.EMPTY.plus(0.75).plus(0.875), Mean.EMPTY.plus(0.5).plus(0.25), 40, 40);
  }

  private static TrainingEvent event(TrainingStepCompleted step) {
    return new TrainingEvent("s" + step.getStep(), Instant.EPOCH, RUN, step);
  }

  private static TrainingStepCompleted step(long step, Phase phase) {
    double progress = step / 10.0;
    return new TrainingStepCompleted(step, (int) (step / 3), phase, true, "", 8, 64, 0, 0.0, 1.0 - progress, 0.01 * step,
        0.1, 1.0, 1e-4, 0.2, -0.1, 0.1, 0.0, 0.5 + progress, 0.5 + progress, 0.05, 0.0, 4.0, 0.5);
  }

  private static ScoredTrajectory game(String clueText) {
    PolicyRef v1 = new PolicyRef("vz", 1);
    return ScoredTrajectory.newBuilder().setEventId("e").setOccurredAt(Instant.EPOCH).setGameId("g<1>")
        .setPairId("p").setPurpose(Purpose.EVALUATION).setMode("code").setNumPlayers(4).setSpySeat(2)
        .setCivilianPolicy(v1).setSpyPolicy(v1).setDecisionPolicy(v1).setClueRewards(List.of())
        .setClues(List.of(new ScoredClue(1, 1, Role.CIVILIAN, clueText, new SampledTokens(List.of(), List.of()), v1, 0.0)))
        .setDecisions(List.of()).setOutcome(new Outcome(2, List.of(), 0, 0, 0, Winner.SPY, 0.0))
        .setBlankDecisionImage(false).setTags(Map.of("eval.arm", "decision")).build();
  }
}
