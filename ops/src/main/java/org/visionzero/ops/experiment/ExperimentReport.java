package org.visionzero.ops.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.visionzero.json.Json;
import org.visionzero.ops.experiment.PooledFigure.Kind;
import org.visionzero.ops.report.LearningCharts;
import org.visionzero.ops.report.ReportHtml;
import org.visionzero.text.SafeText;

/**
 * {@code experiment.json} and {@code experiment.html} of an experiment: one table of arm × figure, each figure the
 * final evaluation's pooled over the arm's seeds with its 95 % interval over games, and the evaluation curves of
 * every run on one chart.
 */
public final class ExperimentReport {

  /** A figure of the table: its key in summary.json's {@code final}, how it is stored and its label. */
  public record Figure(String key, Kind kind, String label) {
  }

  /** The table's figures, in column order. */
  public static final List<Figure> FIGURES = List.of(
      new Figure("decisionAccuracyPerGame", Kind.MEAN, "decision accuracy (per game)"),
      new Figure("noImageAccuracyPerGame", Kind.MEAN, "no-image control (per game)"),
      new Figure("naRate", Kind.CLUSTERED, "N/A rate (votes; interval over games)"),
      new Figure("winRateVsV0FixedReferee", Kind.PROPORTION, "clue win rate vs v0, fixed referee (both roles)"),
      new Figure("clueFidelity", Kind.MEAN, "civilian clue fidelity"));

  private final ExperimentSpec spec;
  private final List<RunOutcome> outcomes;

  public ExperimentReport(ExperimentSpec spec, List<RunOutcome> outcomes) {
    this.spec = spec;
    this.outcomes = List.copyOf(outcomes);
  }

  /** True when every run of every arm finished. */
  public boolean complete() {
    return outcomes.size() == spec.arms().size() * spec.seeds().size()
        && outcomes.stream().allMatch(o -> o.summary().isPresent());
  }

  /** The pooled figure of one arm. */
  public PooledFigure pooled(String arm, Figure figure) {
    return PooledFigure.of(summaries(arm), figure.key(), figure.kind());
  }

  private List<JsonNode> summaries(String arm) {
    return outcomes.stream().filter(o -> o.arm().equals(arm)).flatMap(o -> o.summary().stream()).toList();
  }

  /** experiment.json: the spec, every run's outcome and final figures, and the pooled table. */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", spec.name());
    json.put("description", spec.description());
    json.put("budgetSeconds", spec.budget().toSeconds());
    json.put("seeds", spec.seeds());
    json.put("complete", complete());
    json.put("intervals", "95 % over the games of every seed's final evaluation pooled; "
        + "they do not cover the variance between training runs, which perSeed shows");
    List<Map<String, Object>> arms = new ArrayList<>();
    for (ExperimentSpec.Arm arm : spec.arms()) {
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("name", arm.name());
      a.put("settings", spec.settingsOf(arm));
      List<Map<String, Object>> runs = new ArrayList<>();
      for (RunOutcome outcome : outcomes) {
        if (outcome.arm().equals(arm.name())) {
          runs.add(run(outcome));
        }
      }
      a.put("runs", runs);
      Map<String, Object> figures = new LinkedHashMap<>();
      for (Figure figure : FIGURES) {
        figures.put(figure.key(), pooled(arm.name(), figure));
      }
      a.put("pooled", figures);
      a.put("chanceDecisionAccuracy", summaries(arm.name()).stream()
          .map(s -> s.path("chanceDecisionAccuracy")).filter(JsonNode::isNumber).map(JsonNode::asDouble)
          .findFirst().orElse(null));
      arms.add(a);
    }
    json.put("arms", arms);
    return json;
  }

  private static Map<String, Object> run(RunOutcome outcome) {
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("seed", outcome.seed());
    run.put("finished", outcome.summary().isPresent());
    run.put("failure", outcome.failure().orElse(null));
    outcome.summary().ifPresent(summary -> {
      run.put("trainingSteps", summary.path("trainingSteps").asLong());
      run.put("policyVersion", summary.path("policyVersion").asInt());
      run.put("evaluatedVersion", summary.path("evaluatedVersion").isNumber()
          ? summary.path("evaluatedVersion").asInt() : null);
      run.put("refereeVersion", summary.path("refereeVersion").isNumber()
          ? summary.path("refereeVersion").asInt() : null);
      run.put("final", summary.path("final"));
    });
    return run;
  }

  /** experiment.html: the table and the curves. Every string from a file is escaped. */
  public String html() {
    StringBuilder html = ReportHtml.start(1 << 15, "vz experiment " + spec.name(), 1100,
        "td.arm{text-align:left}.seeds{color:#666;font-size:85%}");
    html.append("<p>")
        .append(SafeText.html(spec.description())).append("</p>\n<p>Each arm ran ")
        .append(spec.seeds().size()).append(" seed(s) (").append(SafeText.html(spec.seeds().toString()))
        .append(") for ").append(spec.budget().toSeconds()).append(" s each")
        .append(complete() ? "." : "; <strong>some runs have not finished</strong> (see experiment.json).")
        .append(" A cell is the final evaluation pooled over the seeds, its 95 % interval over the pooled games, then"
            + " each seed's own value. The interval does not cover the variance between "
            + "training runs: compare the seeds.</p>\n<table><tr><th>arm</th><th>settings</th>");
    FIGURES.forEach(f -> html.append("<th>").append(SafeText.html(f.label())).append("</th>"));
    html.append("</tr>\n");
    for (ExperimentSpec.Arm arm : spec.arms()) {
      html.append("<tr><td class=\"arm\">").append(SafeText.html(arm.name())).append("</td><td class=\"arm\">")
          .append(SafeText.html(arm.settings().toString())).append("</td>");
      for (Figure figure : FIGURES) {
        html.append("<td>").append(cell(pooled(arm.name(), figure))).append("</td>");
      }
      html.append("</tr>\n");
    }
    html.append("</table>\n<h2>Decision accuracy over policy versions, every run</h2>\n")
        .append("<img alt=\"decision accuracy of every run\" src=\"data:image/png;base64,")
        .append(Base64.getEncoder().encodeToString(LearningCharts.png(curves()))).append("\">\n</body></html>\n");
    return html.toString();
  }

  private static String cell(PooledFigure figure) {
    if (figure.n() == 0) {
      return "–";
    }
    StringBuilder seeds = new StringBuilder();
    for (double value : figure.perSeed()) {
      seeds.append(seeds.length() == 0 ? "" : ", ").append(Double.isNaN(value) ? "–" : number(value));
    }
    return number(figure.value()) + " [" + number(figure.low()) + ", " + number(figure.high()) + "]<br><span "
        + "class=\"seeds\">n=" + figure.n() + "; seeds " + seeds + "</span>";
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.3f", value);
  }

  private JFreeChart curves() {
    XYSeriesCollection data = new XYSeriesCollection();
    for (RunOutcome outcome : outcomes) {
      if (outcome.summary().isEmpty()) {
        continue;
      }
      XYSeries series = new XYSeries(outcome.arm() + " seed " + outcome.seed());
      for (JsonNode evaluation : outcome.summary().get().path("evaluations")) {
        JsonNode rate = evaluation.path("decisionAccuracy").path("rate");
        if (rate.isNumber()) {
          series.add(evaluation.path("version").asInt(), rate.asDouble());
        }
      }
      data.addSeries(series);
    }
    JFreeChart chart = ChartFactory.createXYLineChart("Held-out decision accuracy", "policy version",
        "decision accuracy", data, PlotOrientation.VERTICAL, true, false, false);
    chart.getXYPlot().setBackgroundPaint(Color.WHITE);
    chart.getXYPlot().getRangeAxis().setRange(0, 1);
    return chart;
  }

  /** experiment.json as text. */
  public String json() {
    return Json.writePretty(toJson());
  }
}
