package org.visionzero.ops.report;

import java.util.Locale;
import java.util.Map;

/** The words for {@code summary.json}'s keys on the report page, and how each kind of figure is printed. */
final class SummaryLabels {
  private enum Kind { SHARE, COUNT, SECONDS, TEXT }

  private record Label(String words, Kind kind) {}

  private static final Map<String, Label> LABELS = Map.ofEntries(
      Map.entry("decisionAccuracy", new Label("Decision accuracy on v0's clues (share of votes on the spy)",
          Kind.SHARE)),
      Map.entry("decisionAccuracyPerGameLow", new Label("  low end, 95 % interval over games", Kind.SHARE)),
      Map.entry("decisionAccuracyPerGameHigh", new Label("  high end, 95 % interval over games", Kind.SHARE)),
      Map.entry("noImageAccuracy", new Label("No-image control: the same with a blank image", Kind.SHARE)),
      Map.entry("noImageAccuracyPerGameLow", new Label("  low end, 95 % interval over games", Kind.SHARE)),
      Map.entry("noImageAccuracyPerGameHigh", new Label("  high end, 95 % interval over games", Kind.SHARE)),
      Map.entry("evaluatedGamesPerArm", new Label("Final evaluation games per arm", Kind.COUNT)),
      Map.entry("naRate", new Label("N/A rate (abstentions among votes)", Kind.SHARE)),
      Map.entry("winRateVsV0FixedReferee", new Label("Clue win rate against v0, fixed referee (0.5 = even)",
          Kind.SHARE)),
      Map.entry("winRateVsV0FixedRefereeLow", new Label("  low end of its 95 % interval", Kind.SHARE)),
      Map.entry("clueFidelity", new Label("Civilian clue fidelity (mentions true of the own image)", Kind.SHARE)),
      Map.entry("winRateVsV0PaperStyle", new Label("Win rate against v0, each side its own decision stage "
          + "(paper style; not a headline)", Kind.SHARE)),
      Map.entry("spyEchoRate", new Label("Spy clues repeating another seat's clue", Kind.SHARE)),
      Map.entry("runId", new Label("Run", Kind.TEXT)),
      Map.entry("evaluatedVersion", new Label("Evaluated version", Kind.COUNT)),
      Map.entry("refereeVersion", new Label("Fixed referee version", Kind.COUNT)),
      Map.entry("started", new Label("Started", Kind.TEXT)),
      Map.entry("ended", new Label("Ended", Kind.TEXT)),
      Map.entry("seconds", new Label("Wall time", Kind.SECONDS)),
      Map.entry("trainingSteps", new Label("Training steps", Kind.COUNT)),
      Map.entry("policyVersion", new Label("Policy version", Kind.COUNT)),
      Map.entry("gamesCompleted", new Label("Games completed", Kind.COUNT)),
      Map.entry("workers", new Label("Workers", Kind.COUNT)),
      Map.entry("end", new Label("How the run ended", Kind.TEXT)),
      Map.entry("stopReason", new Label("Why it stopped", Kind.TEXT)),
      Map.entry("checkpointBlobsDeleted", new Label("Checkpoint files deleted (checkpoint.blobs.keep)", Kind.COUNT)),
      Map.entry("policy", new Label("Policy", Kind.TEXT)),
      Map.entry("bootstrapServers", new Label("Kafka", Kind.TEXT)),
      Map.entry("metricsUrl", new Label("Metrics", Kind.TEXT)));

  private SummaryLabels() {}

  /** The words for a key; the key itself when it has none. */
  static String label(String key) {
    Label label = LABELS.get(key);
    return label == null ? key : label.words();
  }

  /** A value as its kind is read: shares to 3 decimals, counts as integers, seconds as minutes and seconds. */
  static String format(String key, Object value) {
    if (value == null) {
      return "-";
    }
    Kind kind = LABELS.containsKey(key) ? LABELS.get(key).kind() : Kind.TEXT;
    if (!(value instanceof Number number)) {
      return String.valueOf(value);
    }
    return switch (kind) {
      case COUNT -> String.format(Locale.ROOT, "%,d", Math.round(number.doubleValue()));
      case SECONDS -> String.format(Locale.ROOT, "%d min %02d s", Math.round(number.doubleValue()) / 60,
          Math.round(number.doubleValue()) % 60);
      case SHARE -> String.format(Locale.ROOT, "%.3f", number.doubleValue());
      case TEXT -> number instanceof Double || number instanceof Float
          ? String.format(Locale.ROOT, "%.4f", number.doubleValue()) : String.valueOf(number);
    };
  }
}
