package org.visionzero.ops.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The last lines of a run: where its results are, and the three headline figures each beside its baselines,
 * read from {@code summary.json} (so they say exactly what the file says).
 */
public final class Headline {
  private Headline() {}

  public static List<String> lines(JsonNode summary, Path runDir, Path report) {
    List<String> lines = new ArrayList<>();
    lines.add("Run directory: " + runDir);
    lines.add("Report: " + report + "   Summary: " + runDir.resolve(RunReport.SUMMARY_FILE));
    JsonNode v0 = summary.path("evaluations").path(0);
    lines.add(String.format(Locale.ROOT, "decision accuracy %s (per game %s-%s, %s games) beside: no image %s, "
            + "v0 %s, chance 0.25 (4 players)", number(summary, "decisionAccuracy"), number(summary, "decisionAccuracyPerGameLow"),
        number(summary, "decisionAccuracyPerGameHigh"), summary.path("evaluatedGamesPerArm").asText("0"),
        number(summary, "noImageAccuracy"), number(v0.path("decisionAccuracy"), "rate")));
    lines.add(String.format(Locale.ROOT, "N/A rate %s (v0 %s)", number(summary, "naRate"),
        number(v0.path("naRate"), "rate")));
    lines.add(String.format(Locale.ROOT, "clue win rate against v0 under fixed referee v%s: %s (low %s; even: 0.5)",
        summary.path("refereeVersion").asText("-"), number(summary, "winRateVsV0FixedReferee"),
        number(summary, "winRateVsV0FixedRefereeLow")));
    return lines;
  }

  private static String number(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isNumber() ? String.format(Locale.ROOT, "%.3f", value.asDouble()) : "-";
  }
}
