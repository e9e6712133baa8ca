package org.visionzero.producers.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The data and style of one chart.
 *
 * @param categories x-axis points of a line chart; a single empty category for bar and pie charts
 */
public record ChartSpec(ChartKind kind, String title, List<String> categories, List<ChartSeries> series) {

  public ChartSpec {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(title, "title");
    categories = List.copyOf(Objects.requireNonNull(categories, "categories"));
    series = List.copyOf(Objects.requireNonNull(series, "series"));
    for (ChartSeries s : series) {
      if (s.values().size() != categories.size()) {
        throw new IllegalArgumentException("series '" + s.label() + "' has " + s.values().size()
            + " values for " + categories.size() + " categories");
      }
    }
    if (series.stream().map(ChartSeries::label).distinct().count() != series.size()) {
      throw new IllegalArgumentException("series labels must be unique: " + series);
    }
  }

  ChartSpec withSeries(int index, ChartSeries replacement) {
    List<ChartSeries> changed = new ArrayList<>(series);
    changed.set(index, replacement);
    return new ChartSpec(kind, title, categories, changed);
  }
}
