package org.visionzero.ops.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportHtmlTest {

  @Test
  void givenATitleWithMarkup_whenAPageStarts_thenItIsEscapedInTitleAndHeading_andTheSharedStyleComesFirst() {
    String start = ReportHtml.start(64, "vz run <b>r&1</b>", 1000, ".game{border:0}").toString();

    assertThat(start).isEqualTo("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<title>vz run &lt;b&gt;r&amp;1&lt;/b&gt;</title><style>"
        + "body{font-family:sans-serif;margin:2em;max-width:1000px}table{border-collapse:collapse}"
        + "td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}th{background:#f3f3f3}"
        + ".game{border:0}</style></head><body>\n<h1>vz run &lt;b&gt;r&amp;1&lt;/b&gt;</h1>\n");
  }
}
