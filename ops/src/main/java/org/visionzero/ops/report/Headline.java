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
    lines.add(String.format(Locale.ROOT, "decision accuracy %s (per game %s, %s games) beside: no image %s "
            + "(per game %s), v0 %s, chance %s", number(summary, "decisionAccuracy"),
        interval(summary, "decisionAccuracyPerGame"), summary.path("evaluatedGamesPerArm").asText("0"),
        number(summary, "noImageAccuracy"), interval(summary, "noImageAccuracyPerGame"),
        number(v0.path("decisionAccuracy"), "rate"), chance(summary)));
    lines.add(String.format(Locale.ROOT, "N/A rate %s (v0 %s)", number(summary, "naRate"),
        number(v0.path("naRate"), "rate")));
    JsonNode referee = summary.path("refereeVersion");
    String refereeText = referee.isNumber() && referee.asInt() >= 0 ? "v" + referee.asInt() : "-";
    lines.add(String.format(Locale.ROOT, "clue win rate against v0 under fixed referee %s: %s (low %s; even: 0.5)",
        refereeText, number(summary, "winRateVsV0FixedReferee"),
        number(summary, "winRateVsV0FixedRefereeLow")));
    return lines;
  }

  /** "0.250 (4 players)", from the players of the run's games, or "-" when the summary does not say. */
  private static String chance(JsonNode summary) {
    String chance = number(summary, "chanceDecisionAccuracy");
    JsonNode players = summary.path("players");
    return chance.equals("-") || !players.isInt() ? "-" : chance + " (" + players.asInt() + " players)";
  }

  /** "0.957-0.994" from {@code <prefix>Low} and {@code <prefix>High}, or "-" without them. */
  private static String interval(JsonNode node, String prefix) {
    String low = number(node, prefix + "Low");
    String high = number(node, prefix + "High");
    return low.equals("-") || high.equals("-") ? "-" : low + "-" + high;
  }

  private static String number(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isNumber() ? String.format(Locale.ROOT, "%.3f", value.asDouble()) : "-";
  }
}
