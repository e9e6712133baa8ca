package org.visionzero.producers.charts;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One series of a chart: a bar or a pie section (one value), or a line (one value per category).
 *
 * @param label  legend text, unique within a chart
 * @param colour fill or line colour
 */
public record ChartSeries(String label, Color colour, List<Double> values) {

  public ChartSeries {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(colour, "colour");
    values = List.copyOf(Objects.requireNonNull(values, "values"));
    if (values.isEmpty()) {
      throw new IllegalArgumentException("series '" + label + "' needs at least one value");
    }
  }

  ChartSeries withLabel(String newLabel) {
    return new ChartSeries(newLabel, colour, values);
  }

  ChartSeries withColour(Color newColour) {
    return new ChartSeries(label, newColour, values);
  }

  ChartSeries withValue(int point, double value) {
    List<Double> changed = new ArrayList<>(values);
    changed.set(point, value);
    return new ChartSeries(label, colour, changed);
  }
}
