package org.visionzero.producers.charts;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.visionzero.events.Difference;
import org.visionzero.producers.charts.ChartRenderer.RenderedChart;

/**
 * Bar, line and pie chart pairs from a seed: random data drawn with JFreeChart; the modified chart swaps two
 * values, two colours or two labels and records which. Regions outline the swapped items (bars, sections, line
 * points and their neighbours, legend entries) in either image.
 */
public final class ChartGenerator {

  public static final int DEFAULT_SIZE = 128;
  private static final int REGION_MARGIN = 2;

  private final int width;
  private final int height;
  private final ChartRenderer renderer = new ChartRenderer();

  public ChartGenerator(int width, int height) {
    if (width < ChartRenderer.MIN_IMAGE_SIZE || height < ChartRenderer.MIN_IMAGE_SIZE) {
      throw new IllegalArgumentException("charts need at least " + ChartRenderer.MIN_IMAGE_SIZE + "x"
          + ChartRenderer.MIN_IMAGE_SIZE + " pixels, got " + width + "x" + height);
    }
    this.width = width;
    this.height = height;
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** The data of this seed's original chart, without drawing it: the spec {@link #generate} draws first. */
  public static ChartSpec spec(long seed) {
    return ChartDataGenerator.spec(new Random(seed));
  }

  /** The original chart of this seed alone (what {@link #generate} draws as the pair's original). */
  public BufferedImage draw(ChartSpec spec) {
    return renderer.render(spec, width, height).image();
  }

  /** The pair for this seed. */
  public ChartPair generate(long seed) {
    Random random = new Random(seed);
    ChartSpec original = ChartDataGenerator.spec(random);
    ChartSwap swap = ChartDataGenerator.swap(random, original);
    ChartSpec modified = swap.applyTo(original);
    RenderedChart before = renderer.render(original, width, height);
    RenderedChart after = renderer.render(modified, width, height);
    List<Difference> differences = new ArrayList<>();
    differences.addAll(differences(original, swap, swap.seriesA(), swap.pointA(), swap.seriesB(), swap.pointB(),
        before, after));
    differences.addAll(differences(original, swap, swap.seriesB(), swap.pointB(), swap.seriesA(), swap.pointA(),
        before, after));
    return new ChartPair(seed, original, modified, swap, before.image(), after.image(), differences);
  }

  /** One difference per changed area of one side of the swap: its plotted item(s) and/or its legend entry. */
  private List<Difference> differences(ChartSpec spec, ChartSwap swap, int series, int point, int otherSeries,
                                       int otherPoint, RenderedChart before, RenderedChart after) {
    ChartSeries self = spec.series().get(series);
    ChartSeries other = spec.series().get(otherSeries);
    String description = switch (swap.attribute()) {
      case VALUES -> "value of " + self.label() + pointName(spec, point) + ": " + number(self.values().get(point))
          + " -> " + number(other.values().get(otherPoint)) + " (swapped with " + other.label()
          + pointName(spec, otherPoint) + ")";
      case COLOURS -> "colour of " + self.label() + ": " + hex(self.colour()) + " -> " + hex(other.colour())
          + " (swapped with " + other.label() + ")";
      case LABELS -> "label '" + self.label() + "' -> '" + other.label() + "' (swapped)";
    };
    List<Difference> differences = new ArrayList<>(2);
    for (ChangedArea area : changedAreas(spec, swap, series, point)) {
      Rectangle region = region(area.keys(), before, after);
      differences.add(Difference.newBuilder().setKind(swap.attribute().differenceKind())
          .setDescription(description + ", " + area.where())
          .setX(region.x).setY(region.y).setWidth(region.width).setHeight(region.height).build());
    }
    return differences;
  }

  /** A part of the chart that changes, named for people, with the keys of its rendered areas. */
  private record ChangedArea(String where, List<String> keys) {
  }

  /** What changes on screen for one side of the swap, as groups of chart areas (one difference each). */
  private static List<ChangedArea> changedAreas(ChartSpec spec, ChartSwap swap, int series, int point) {
    ChangedArea legend = new ChangedArea("legend entry",
        List.of(ChartRenderer.legendKey(spec.series().get(series).label())));
    int points = spec.categories().size();
    String plotted = switch (spec.kind()) {
      case BAR -> "bar";
      case PIE -> "pie section";
      case LINE -> "line";
    };
    return switch (swap.attribute()) {
      // A moved line point also moves the segments to its neighbours.
      case VALUES -> List.of(new ChangedArea(plotted,
          items(series, Math.max(0, point - 1), Math.min(points - 1, point + 1))));
      case COLOURS -> List.of(new ChangedArea(plotted, items(series, 0, points - 1)), legend);
      case LABELS -> List.of(legend);
    };
  }

  private static List<String> items(int series, int firstPoint, int lastPoint) {
    List<String> keys = new ArrayList<>();
    for (int p = firstPoint; p <= lastPoint; p++) {
      keys.add(ChartRenderer.itemKey(series, p));
    }
    return keys;
  }

  private Rectangle region(List<String> keys, RenderedChart before, RenderedChart after) {
    Rectangle2D union = null;
    for (RenderedChart chart : List.of(before, after)) {
      for (String key : keys) {
        Rectangle2D area = chart.areas().get(key);
        if (area != null) {
          union = union == null ? (Rectangle2D) area.clone() : union.createUnion(area);
        }
      }
    }
    if (union == null) {
      return new Rectangle(0, 0, 0, 0);
    }
    int left = Math.max(0, (int) Math.floor(union.getMinX()) - REGION_MARGIN);
    int top = Math.max(0, (int) Math.floor(union.getMinY()) - REGION_MARGIN);
    int right = Math.min(width, (int) Math.ceil(union.getMaxX()) + REGION_MARGIN);
    int bottom = Math.min(height, (int) Math.ceil(union.getMaxY()) + REGION_MARGIN);
    return new Rectangle(left, top, right - left, bottom - top);
  }

  private static String pointName(ChartSpec spec, int point) {
    String category = spec.categories().get(point);
    return category.isEmpty() ? "" : " in " + category;
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.0f", value);
  }

  private static String hex(Color colour) {
    return String.format(Locale.ROOT, "#%02x%02x%02x", colour.getRed(), colour.getGreen(), colour.getBlue());
  }
}
