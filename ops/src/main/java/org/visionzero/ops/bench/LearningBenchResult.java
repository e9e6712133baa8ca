package org.visionzero.ops.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code vz bench learning}: the streaming pipeline and the synchronous loop, same v0, seeds and trainer
 * settings, run one after the other for the same duration.
 *
 * @param target          the held-out decision accuracy whose time is measured
 * @param durationSeconds the duration each arm was given
 * @param minSamples      decision samples an evaluation needs to count for the time to target
 * @param v0              the v0 checkpoint both arms started from
 */
public record LearningBenchResult(double target, double durationSeconds, long minSamples, String v0,
    LearningArm streaming, LearningArm sync) {

  /** The time both arms ran for (the shorter arm's clock): their figures are compared at it too. */
  public double commonSeconds() {
    return Math.min(streaming.seconds(), sync.seconds());
  }

  /** Sync's seconds to the target over streaming's: above 1, streaming got there faster; empty if one did not. */
  public Optional<Double> secondsToTargetRatio() {
    return LearningCurve.ratio(sync.secondsToTarget(target, minSamples),
        streaming.secondsToTarget(target, minSamples));
  }

  /** Streaming's training games per second over sync's: above 1, streaming played faster. */
  public Optional<Double> gamesPerSecondRatio() {
    return LearningCurve.ratio(finite(streaming.gamesPerSecond()), finite(sync.gamesPerSecond()));
  }

  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("target", target);
    json.put("durationSeconds", LearningPoint.round(durationSeconds));
    json.put("commonSeconds", LearningPoint.round(commonSeconds()));
    json.put("syncToStreamingSecondsToTarget", secondsToTargetRatio().orElse(null));
    json.put("streamingToSyncGamesPerSecond", gamesPerSecondRatio().orElse(null));
    json.put("minSamples", minSamples);
    json.put("v0", v0);
    json.put("streaming", streaming.toJson(target, minSamples, commonSeconds()));
    json.put("sync", sync.toJson(target, minSamples, commonSeconds()));
    return json;
  }

  /** A table for people: one column per arm, then the ratios. */
  public String toText() {
    StringBuilder text = new StringBuilder();
    String format = "%-34s %12s %12s%n";
    text.append(String.format(Locale.ROOT, format, "", "streaming", "sync"));
    row(text, format, String.format(Locale.ROOT, "seconds to accuracy %.2f", target),
        arm -> arm.secondsToTarget(target, minSamples).map(s -> number("%.1f", s)).orElse("not reached"));
    row(text, format, "last decision accuracy (v0 clues)",
        arm -> arm.last().map(p -> number("%.3f", p.decisionAccuracy())).orElse("-"));
    row(text, format, "last no-image accuracy",
        arm -> arm.last().map(p -> number("%.3f", p.noImageAccuracy())).orElse("-"));
    row(text, format, "last N/A rate", arm -> arm.last().map(p -> number("%.3f", p.naRate())).orElse("-"));
    row(text, format, "last evaluated step", arm -> arm.last().map(p -> Long.toString(p.step())).orElse("-"));
    row(text, format, String.format(Locale.ROOT, "decision accuracy at %.0f s", commonSeconds()),
        arm -> LearningCurve.at(arm.points(), commonSeconds()).map(p -> number("%.3f", p.decisionAccuracy()))
            .orElse("-"));
    row(text, format, "training games", arm -> Long.toString(arm.gamesPlayed()));
    row(text, format, "training games/s", arm -> number("%.2f", arm.gamesPerSecond()));
    row(text, format, "steps", arm -> Long.toString(arm.steps()));
    row(text, format, "seconds (arm clock)", arm -> number("%.1f", arm.seconds()));
    row(text, format, "ended", LearningArm::end);
    text.append(String.format(Locale.ROOT, "time-to-target ratio sync/streaming: %s; games/s ratio "
            + "streaming/sync: %s%n", secondsToTargetRatio().map(r -> number("%.2f", r)).orElse("n/a"),
        gamesPerSecondRatio().map(r -> number("%.2f", r)).orElse("n/a")));
    return text.toString().stripTrailing();
  }

  private void row(StringBuilder text, String format, String label, Function<LearningArm, String> cell) {
    text.append(String.format(Locale.ROOT, format, label, cell.apply(streaming), cell.apply(sync)));
  }

  private static String number(String format, double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, format, value) : "-";
  }

  private static Optional<Double> finite(double value) {
    return Double.isFinite(value) ? Optional.of(value) : Optional.empty();
  }
}
