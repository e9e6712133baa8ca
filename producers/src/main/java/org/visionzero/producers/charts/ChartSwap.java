package org.visionzero.producers.charts;

import java.util.Locale;
import java.util.Objects;

/**
 * The one change between an original and a modified chart: two attributes swapped.
 *
 * @param attribute which attribute: values, colours or labels
 * @param seriesA   first series involved
 * @param pointA    value index in the first series (values only, else 0)
 * @param seriesB   second series involved (may equal seriesA for two points of one line)
 * @param pointB    value index in the second series (values only, else 0)
 */
public record ChartSwap(Attribute attribute, int seriesA, int pointA, int seriesB, int pointB) {

  /** The swappable attributes, with the difference kind recorded for each. */
  public enum Attribute {
    VALUES("value-swap"), COLOURS("colour-swap"), LABELS("label-swap");

    private final String differenceKind;

    Attribute(String differenceKind) {
      this.differenceKind = differenceKind;
    }

    public String differenceKind() {
      return differenceKind;
    }

    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public ChartSwap {
    Objects.requireNonNull(attribute, "attribute");
    if (seriesA == seriesB && pointA == pointB) {
      throw new IllegalArgumentException("a swap needs two different attributes, got the same one twice");
    }
  }

  /** The chart with the two attributes swapped. */
  public ChartSpec applyTo(ChartSpec spec) {
    ChartSeries a = spec.series().get(seriesA);
    ChartSeries b = spec.series().get(seriesB);
    return switch (attribute) {
      case VALUES -> {
        double valueA = a.values().get(pointA);
        double valueB = b.values().get(pointB);
        ChartSpec first = spec.withSeries(seriesA, a.withValue(pointA, valueB));
        yield first.withSeries(seriesB, first.series().get(seriesB).withValue(pointB, valueA));
      }
      case COLOURS -> spec.withSeries(seriesA, a.withColour(b.colour())).withSeries(seriesB, b.withColour(a.colour()));
      case LABELS -> swapLabels(spec, a, b);
    };
  }

  private ChartSpec swapLabels(ChartSpec spec, ChartSeries a, ChartSeries b) {
    // Labels are unique, so go through a placeholder to keep every intermediate spec valid.
    String placeholder = "\u0000swap";
    ChartSpec first = spec.withSeries(seriesA, a.withLabel(placeholder));
    ChartSpec second = first.withSeries(seriesB, b.withLabel(a.label()));
    return second.withSeries(seriesA, a.withLabel(b.label()));
  }
}
