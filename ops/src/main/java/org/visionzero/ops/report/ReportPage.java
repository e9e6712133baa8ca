package org.visionzero.ops.report;

import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.visionzero.events.ScoredClue;
import org.visionzero.events.ScoredDecision;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.events.TrainingStepCompleted;
import org.visionzero.ops.eval.ClusteredProportion;
import org.visionzero.ops.eval.Proportion;
import org.visionzero.ops.eval.VersionResult;
import org.visionzero.ops.probe.ProbeReport;
import org.visionzero.ops.probe.ProbeTable;
import org.visionzero.text.SafeText;

/**
 * {@code report.html}: one self-contained page (charts and images inline as PNG data) with the learning curves,
 * the evaluation over versions and a few sample games. Every string from a model or the log is escaped.
 */
public final class ReportPage {

  private static final List<LearningCharts.Line> SKILL = List.of(
      new LearningCharts.Line("decision accuracy", TrainingStepCompleted::getDecisionAccuracy),
      new LearningCharts.Line("N/A rate", TrainingStepCompleted::getNaRate),
      new LearningCharts.Line("spy win rate", TrainingStepCompleted::getSpyWinRate));
  private static final List<LearningCharts.Line> REWARDS = List.of(
      new LearningCharts.Line("spy clue reward", TrainingStepCompleted::getMeanSpyReward),
      new LearningCharts.Line("civilian clue reward", TrainingStepCompleted::getMeanCivilianReward),
      new LearningCharts.Line("decision reward", TrainingStepCompleted::getMeanDecisionReward),
      new LearningCharts.Line("RAE baseline spy", TrainingStepCompleted::getBaselineSpy),
      new LearningCharts.Line("RAE baseline civilian", TrainingStepCompleted::getBaselineCivilian));
  private static final List<LearningCharts.Line> OPTIMISATION = List.of(
      new LearningCharts.Line("loss", TrainingStepCompleted::getLoss),
      new LearningCharts.Line("KL to v0", TrainingStepCompleted::getKl));

  /** The key of the transfer probe in the summary (ops/README.md, "vz probe"). */
  public static final String PROBE = "probe";

  private ReportPage() {
  }

  public static String render(RunSummary summary, TrainingHistory history, List<SampleGame> samples) {
    StringBuilder html = ReportHtml.start(1 << 16, "vz run " + summary.runId(), 1000,
        ".game{border:1px solid #ddd;padding:1em;margin:1em 0}.game img{width:160px;image-rendering:pixelated}");
    headline(html, summary);
    html.append("<h2>Learning curves</h2><p>Shaded: clue-phase steps of Iterative-SPO; white: decision phase.</p>\n");
    List<TrainingStepCompleted> steps = history.steps();
    List<TrainingStepCompleted> applied = history.appliedSteps();
    if (steps.isEmpty()) {
      html.append("<p>No training step was completed.</p>\n");
    } else if (steps.size() < 2) {
      html.append("<p>One training step: curves need two or more.</p>\n");
    } else {
      chart(html, LearningCharts.overSteps("Decision accuracy, N/A rate, spy win rate (training games)", "share",
          steps, SKILL));
      chart(html, LearningCharts.overSteps("Clue and decision rewards, RAE baselines", "reward", steps, REWARDS));
      chart(html, LearningCharts.overSteps("Loss and KL (applied steps)", "value", applied, OPTIMISATION));
    }
    html.append("<h2>Evaluation over versions (held-out pairs, 95 % intervals)</h2>\n");
    if (summary.results().isEmpty()) {
      html.append("<p>No evaluation game was scored.</p>\n");
    } else {
      if (summary.results().size() < 2) {
        html.append("<p>One version was evaluated, so there is no curve: its figures are in the table.</p>\n");
      } else {
        chart(html, LearningCharts.overVersions(summary.results()));
      }
      evaluationTable(html, summary.results());
    }
    if (summary.extra().get(PROBE) instanceof ProbeReport probe) {
      html.append("<h2>Transfer probe (tasks never trained on; 95 % intervals per item)</h2>\n")
          .append(ProbeTable.html(probe));
    }
    html.append("<h2>Sample games</h2>\n");
    if (samples.isEmpty()) {
      html.append("<p>No evaluation game to show.</p>\n");
    }
    samples.forEach(sample -> game(html, sample));
    html.append("</body></html>\n");
    return html.toString();
  }

  private static void headline(StringBuilder html, RunSummary summary) {
    html.append("<table>\n");
    for (Map.Entry<String, Object> entry : summary.toJson().entrySet()) {
      Object value = entry.getValue();
      if (value instanceof Map || value instanceof List || value instanceof Record) {
        continue;
      }
      html.append("<tr><th title=\"").append(SafeText.html(entry.getKey())).append("\">")
          .append(SafeText.html(SummaryLabels.label(entry.getKey()))).append("</th><td>")
          .append(SafeText.html(SummaryLabels.format(entry.getKey(), value))).append("</td></tr>\n");
    }
    html.append("</table>\n");
  }

  private static void evaluationTable(StringBuilder html, List<VersionResult> results) {
    html.append("<table><tr><th>version</th><th>games</th><th>decision accuracy</th><th>no-image control</th>")
        .append("<th>N/A rate</th><th>win rate vs v0 (referee)</th><th>referee</th><th>clue fidelity</th>")
        .append("<th>win rate vs v0 (paper)</th><th>spy clues echoing</th></tr>\n");
    for (VersionResult r : results) {
      html.append("<tr><td>").append(r.version()).append("</td><td>").append(r.games()).append("</td><td>")
          .append(cell(r.decisionAccuracyVotes())).append("</td><td>").append(cell(r.noImageAccuracyVotes()))
          .append("</td><td>").append(cell(r.naRateVotes())).append("</td><td>").append(cell(r.clueWinRate()))
          .append("</td><td>").append(r.refereeVersion() < 0 ? "" : "v" + r.refereeVersion()).append("</td><td>")
          .append(r.clueFidelity().count() == 0 ? "" : String.format(Locale.ROOT, "%.3f [%.3f, %.3f] n=%d",
              r.clueFidelity().value(), r.clueFidelity().low(), r.clueFidelity().high(), r.clueFidelity().count()))
          .append("</td><td>").append(cell(r.paperWinRate())).append("</td><td>").append(cell(r.spyEchoRate()))
          .append("</td></tr>\n");
    }
    html.append("</table>\n");
  }

  private static String cell(Proportion p) {
    return p.trials() == 0 ? "" : String.format(Locale.ROOT, "%.3f [%.3f, %.3f] n=%d", p.rate(), p.low(), p.high(),
        p.trials());
  }

  /** Votes: their share and count, the interval over the games they came in. */
  private static String cell(ClusteredProportion p) {
    return p.trials() == 0 ? "" : String.format(Locale.ROOT, "%.3f [%.3f, %.3f] n=%d", p.rate(), p.low(), p.high(),
        p.trials());
  }

  private static void game(StringBuilder html, SampleGame sample) {
    ScoredTrajectory game = sample.game();
    html.append("<div class=\"game\"><h3>").append(SafeText.html(game.getGameId())).append("</h3><p>")
        .append(SafeText.html(String.valueOf(game.getTags()))).append("; spy: seat ").append(game.getSpySeat())
        .append("; winner: ").append(SafeText.html(String.valueOf(game.getOutcome().getWinner())))
        .append(game.getBlankDecisionImage() ? "; decision stage saw a blank image" : "").append("</p>\n");
    image(html, "civilians' image", sample.original());
    image(html, "spy's image", sample.modified());
    html.append("<ol>\n");
    for (ScoredClue clue : game.getClues()) {
      html.append("<li>round ").append(clue.getRound()).append(", seat ").append(clue.getSeat()).append(" (")
          .append(SafeText.html(String.valueOf(clue.getRole()))).append(", v").append(clue.getPolicy().getVersion())
          .append("): <q>").append(SafeText.html(clue.getText())).append("</q></li>\n");
    }
    html.append("</ol><p>Votes: ");
    for (ScoredDecision decision : game.getDecisions()) {
      html.append(SafeText.html(decision.getDecision().getVoteKind() == org.visionzero.events.VoteKind.SEAT
              ? "seat " + decision.getDecision().getVotedSeat()
              : String.valueOf(decision.getDecision().getVoteKind())))
          .append(decision.getCorrect() ? " ✓" : " ✗").append("; ");
    }
    html.append("</p></div>\n");
  }

  private static void image(StringBuilder html, String caption, Optional<byte[]> png) {
    if (png.isEmpty()) {
      html.append("<span>(").append(SafeText.html(caption)).append(" not in the blob store)</span> ");
      return;
    }
    html.append("<figure style=\"display:inline-block\"><img alt=\"").append(SafeText.html(caption))
        .append("\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(png.get()))
        .append("\"><figcaption>").append(SafeText.html(caption)).append("</figcaption></figure>\n");
  }

  private static void chart(StringBuilder html, org.jfree.chart.JFreeChart chart) {
    html.append("<p><img alt=\"").append(SafeText.html(chart.getTitle() == null ? "chart" : chart.getTitle().getText()))
        .append("\" src=\"data:image/png;base64,")
        .append(Base64.getEncoder().encodeToString(LearningCharts.png(chart))).append("\"></p>\n");
  }
}
