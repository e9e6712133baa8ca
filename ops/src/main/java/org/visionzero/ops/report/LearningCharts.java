package org.visionzero.ops.report;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.visionzero.events.Phase;
import org.visionzero.events.TrainingStepCompleted;
import org.visionzero.ops.eval.Mean;
import org.visionzero.ops.eval.Proportion;
import org.visionzero.ops.eval.VersionResult;

/** The report's charts, drawn with JFreeChart (headless) and encoded as PNG. */
public final class LearningCharts {

  public static final int WIDTH = 760;
  public static final int HEIGHT = 300;
  /** Clue-phase steps are shaded in this colour; decision-phase steps are left white. */
  private static final Color CLUE_PHASE_SHADE = new Color(255, 200, 120, 70);
  private static final double HALF_STEP = 0.5;

  /** One line of a chart: a name and how to read its value from a step. */
  public record Line(String name, ToDoubleFunction<TrainingStepCompleted> value) {
  }

  private LearningCharts() {
  }

  /** A chart over training steps, the clue phases shaded. */
  public static JFreeChart overSteps(String title, String yLabel, List<TrainingStepCompleted> steps,
      List<Line> lines) {
    XYSeriesCollection data = new XYSeriesCollection();
    for (Line line : lines) {
      XYSeries series = new XYSeries(line.name());
      for (TrainingStepCompleted step : steps) {
        double value = line.value().applyAsDouble(step);
        if (Double.isFinite(value)) {
          series.add(step.getStep(), value);
        }
      }
      data.addSeries(series);
    }
    JFreeChart chart = ChartFactory.createXYLineChart(title, "training step", yLabel, data,
        PlotOrientation.VERTICAL, true, false, false);
    XYPlot plot = chart.getXYPlot();
    wholeNumbersOnTheDomain(plot);
    plot.setBackgroundPaint(Color.WHITE);
    for (PhaseSpans.Span span : PhaseSpans.of(steps)) {
      if (span.phase() == Phase.CLUE) {
        plot.addDomainMarker(new IntervalMarker(span.from() - HALF_STEP, span.to() + HALF_STEP, CLUE_PHASE_SHADE),
            Layer.BACKGROUND);
      }
    }
    return chart;
  }

  /** Evaluation figures over policy versions. */
  public static JFreeChart overVersions(List<VersionResult> results) {
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(proportions("decision accuracy (v0 clues)", results, VersionResult::decisionAccuracy));
    data.addSeries(proportions("no-image control", results, VersionResult::noImageAccuracy));
    data.addSeries(proportions("N/A rate", results, VersionResult::naRate));
    data.addSeries(proportions("win rate vs v0, fixed referee", results, VersionResult::clueWinRate));
    data.addSeries(proportions("win rate vs v0, paper style", results, VersionResult::paperWinRate));
    XYSeries fidelity = new XYSeries("civilian clue fidelity");
    for (VersionResult result : results) {
      Mean mean = result.clueFidelity();
      if (mean.count() > 0) {
        fidelity.add(result.version(), mean.value());
      }
    }
    data.addSeries(fidelity);
    JFreeChart chart = ChartFactory.createXYLineChart("Evaluation on held-out pairs", "policy version", "share",
        data, PlotOrientation.VERTICAL, true, false, false);
    chart.getXYPlot().setBackgroundPaint(Color.WHITE);
    chart.getXYPlot().getRangeAxis().setRange(0, 1);
    wholeNumbersOnTheDomain(chart.getXYPlot());
    return chart;
  }

  /** Steps and versions are whole numbers; a single one still gets an axis a unit wide, and points show. */
  private static void wholeNumbersOnTheDomain(XYPlot plot) {
    NumberAxis domain = (NumberAxis) plot.getDomainAxis();
    domain.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    domain.setAutoRangeMinimumSize(1.0);
    if (plot.getRenderer() instanceof XYLineAndShapeRenderer renderer) {
      renderer.setDefaultShapesVisible(true);
    }
  }

  private static XYSeries proportions(String name, List<VersionResult> results,
      java.util.function.Function<VersionResult, Proportion> figure) {
    XYSeries series = new XYSeries(name);
    for (VersionResult result : results) {
      Proportion p = figure.apply(result);
      if (p.trials() > 0) {
        series.add(result.version(), p.rate());
      }
    }
    return series;
  }

  public static byte[] png(JFreeChart chart) {
    BufferedImage image = chart.createBufferedImage(WIDTH, HEIGHT);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException("could not encode a chart as PNG", e);
    }
    return out.toByteArray();
  }
}
