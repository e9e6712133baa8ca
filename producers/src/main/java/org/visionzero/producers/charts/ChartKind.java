package org.visionzero.producers.charts;

import java.util.Locale;

/** The chart types the generator draws. */
public enum ChartKind {
  BAR, LINE, PIE;

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
