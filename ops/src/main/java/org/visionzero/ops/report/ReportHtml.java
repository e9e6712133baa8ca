package org.visionzero.ops.report;

import org.visionzero.text.SafeText;

/** The start every vz report page shares (a run's, an experiment's): the head, the table style and the heading. */
public final class ReportHtml {

  private static final String TABLE_STYLE = "table{border-collapse:collapse}"
      + "td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}th{background:#f3f3f3}";

  private ReportHtml() {
  }

  /**
   * A page up to its {@code <h1>}: {@code title} (escaped) as title and heading, the body at most
   * {@code maxWidthPx} wide, the shared table style, then the page's own {@code css}.
   */
  public static StringBuilder start(int capacity, String title, int maxWidthPx, String css) {
    String escaped = SafeText.html(title);
    return new StringBuilder(capacity)
        .append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(escaped)
        .append("</title><style>body{font-family:sans-serif;margin:2em;max-width:").append(maxWidthPx).append("px}")
        .append(TABLE_STYLE).append(css).append("</style></head><body>\n<h1>").append(escaped).append("</h1>\n");
  }
}
