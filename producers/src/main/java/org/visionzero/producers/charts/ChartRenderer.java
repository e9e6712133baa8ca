package org.visionzero.producers.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.entity.CategoryItemEntity;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.LegendItemEntity;
import org.jfree.chart.entity.PieSectionEntity;
import org.jfree.chart.entity.StandardEntityCollection;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PiePlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.general.DefaultPieDataset;

/**
 * Draws a {@link ChartSpec} with JFreeChart. Small images are drawn on a larger logical canvas and scaled down,
 * so the layout stays readable; the areas of bars, pie sections, line points and legend items are reported in
 * image pixels so differences can be outlined.
 */
final class ChartRenderer {

  /** Charts are laid out on a canvas at least this large, then scaled to the image. */
  private static final double MIN_LOGICAL_SIZE = 256;
  /** Below this a chart has no room for its legend. */
  static final int MIN_IMAGE_SIZE = 64;
  private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 14);
  private static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  private static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
  private static final Color PLOT_BACKGROUND = new Color(246, 246, 246);
  private static final Color GRID = new Color(200, 200, 200);
  private static final float LINE_WIDTH = 3f;
  /** Gap between neighbouring bars, as a share of the category width. */
  private static final double BAR_GAP = 0.05;
  /** Space left of the first and right of the last category, as a share of the axis. */
  private static final double AXIS_END_MARGIN = 0.02;

  /** An image with the areas of its items: key "item/series/point" or "legend/label". */
  record RenderedChart(BufferedImage image, Map<String, Rectangle2D> areas) {
  }

  static String itemKey(int series, int point) {
    return "item/" + series + "/" + point;
  }

  static String legendKey(String label) {
    return "legend/" + label;
  }

  RenderedChart render(ChartSpec spec, int width, int height) {
    JFreeChart chart = switch (spec.kind()) {
      case BAR -> barChart(spec);
      case LINE -> lineChart(spec);
      case PIE -> pieChart(spec);
    };
    style(chart);
    double scale = Math.min(1.0, Math.min(width, height) / MIN_LOGICAL_SIZE);
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    ChartRenderingInfo info = new ChartRenderingInfo(new StandardEntityCollection());
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
      g.scale(scale, scale);
      chart.draw(g, new Rectangle2D.Double(0, 0, width / scale, height / scale), info);
    } finally {
      g.dispose();
    }
    return new RenderedChart(image, areas(spec, info, AffineTransform.getScaleInstance(scale, scale)));
  }

  private static JFreeChart barChart(ChartSpec spec) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    spec.series().forEach(s -> data.addValue(s.values().get(0), s.label(), spec.categories().get(0)));
    JFreeChart chart = ChartFactory.createBarChart(spec.title(), null, null, data, PlotOrientation.VERTICAL,
        true, false, false);
    CategoryPlot plot = chart.getCategoryPlot();
    BarRenderer renderer = (BarRenderer) plot.getRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setItemMargin(BAR_GAP);
    for (int i = 0; i < spec.series().size(); i++) {
      renderer.setSeriesPaint(i, spec.series().get(i).colour());
    }
    styleCategoryPlot(plot);
    return chart;
  }

  private static JFreeChart lineChart(ChartSpec spec) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (ChartSeries s : spec.series()) {
      for (int p = 0; p < spec.categories().size(); p++) {
        data.addValue(s.values().get(p), s.label(), spec.categories().get(p));
      }
    }
    JFreeChart chart = ChartFactory.createLineChart(spec.title(), null, null, data, PlotOrientation.VERTICAL,
        true, false, false);
    CategoryPlot plot = chart.getCategoryPlot();
    LineAndShapeRenderer renderer = new LineAndShapeRenderer(true, true);
    for (int i = 0; i < spec.series().size(); i++) {
      renderer.setSeriesPaint(i, spec.series().get(i).colour());
      renderer.setSeriesStroke(i, new BasicStroke(LINE_WIDTH));
    }
    plot.setRenderer(renderer);
    styleCategoryPlot(plot);
    return chart;
  }

  private static JFreeChart pieChart(ChartSpec spec) {
    DefaultPieDataset<String> data = new DefaultPieDataset<>();
    spec.series().forEach(s -> data.setValue(s.label(), s.values().get(0)));
    JFreeChart chart = ChartFactory.createPieChart(spec.title(), data, true, false, false);
    @SuppressWarnings("unchecked")
    PiePlot<String> plot = (PiePlot<String>) chart.getPlot();
    spec.series().forEach(s -> plot.setSectionPaint(s.label(), s.colour()));
    plot.setLabelGenerator(null);
    plot.setShadowPaint(null);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    plot.setSectionOutlinesVisible(true);
    plot.setDefaultSectionOutlinePaint(Color.WHITE);
    return chart;
  }

  private static void styleCategoryPlot(CategoryPlot plot) {
    plot.setBackgroundPaint(PLOT_BACKGROUND);
    plot.setRangeGridlinePaint(GRID);
    plot.setOutlineVisible(false);
    CategoryAxis domain = plot.getDomainAxis();
    domain.setTickLabelFont(TICK_FONT);
    domain.setLowerMargin(AXIS_END_MARGIN);
    domain.setUpperMargin(AXIS_END_MARGIN);
    plot.getRangeAxis().setTickLabelFont(TICK_FONT);
  }

  private static void style(JFreeChart chart) {
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    chart.setBackgroundPaint(Color.WHITE);
    chart.getTitle().setFont(TITLE_FONT);
    LegendTitle legend = chart.getLegend();
    legend.setItemFont(LEGEND_FONT);
    legend.setPosition(RectangleEdge.BOTTOM);
    legend.setFrame(BlockBorder.NONE);
  }

  private static Map<String, Rectangle2D> areas(ChartSpec spec, ChartRenderingInfo info, AffineTransform toImage) {
    Map<String, Rectangle2D> areas = new HashMap<>();
    for (Object raw : info.getEntityCollection().getEntities()) {
      ChartEntity entity = (ChartEntity) raw;
      String key = keyOf(spec, entity);
      if (key != null) {
        areas.merge(key, toImage.createTransformedShape(entity.getArea()).getBounds2D(),
            (a, b) -> a.createUnion(b));
      }
    }
    return Map.copyOf(areas);
  }

  /** The key of an entity we can outline, or null for entities we do not track (axes, plot, title). */
  private static String keyOf(ChartSpec spec, ChartEntity entity) {
    if (entity instanceof LegendItemEntity legend) {
      return legendKey(String.valueOf(legend.getSeriesKey()));
    }
    if (entity instanceof PieSectionEntity section) {
      return itemKey(seriesIndex(spec, String.valueOf(section.getSectionKey())), 0);
    }
    if (entity instanceof CategoryItemEntity item) {
      int series = seriesIndex(spec, String.valueOf(item.getRowKey()));
      return itemKey(series, spec.categories().indexOf(String.valueOf(item.getColumnKey())));
    }
    return null;
  }

  private static int seriesIndex(ChartSpec spec, String label) {
    for (int i = 0; i < spec.series().size(); i++) {
      if (spec.series().get(i).label().equals(label)) {
        return i;
      }
    }
    throw new IllegalStateException("chart entity for unknown series '" + label + "'");
  }
}
