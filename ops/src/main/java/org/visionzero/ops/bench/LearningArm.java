package org.visionzero.ops.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one arm of {@code vz bench learning} measured.
 *
 * @param name        {@code streaming} or {@code sync}
 * @param end         why it stopped (e.g. {@code duration_reached}, {@code steps_done}, {@code time_limit})
 * @param seconds     its clock at the end (the same clock as its points' seconds)
 * @param steps       optimizer steps taken
 * @param gamesPlayed training games played (evaluation games not counted)
 * @param points      its held-out evaluations
 * @param details     arm-specific figures added to its JSON as they are
 */
public record LearningArm(String name, String end, double seconds, long steps, long gamesPlayed,
    List<LearningPoint> points, Map<String, Object> details) {

  public LearningArm {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(end, "end");
    points = List.copyOf(points);
    details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }

  /** Training games per second of the arm's clock. */
  public double gamesPerSecond() {
    return seconds > 0 ? gamesPlayed / seconds : Double.NaN;
  }

  public Optional<Double> secondsToTarget(double target, long minSamples) {
    return LearningCurve.secondsToTarget(points, target, minSamples);
  }

  public Optional<LearningPoint> last() {
    return LearningCurve.last(points);
  }

  /**
   * @param commonSeconds the time both arms ran for: the figures at that time are reported too
   */
  public Map<String, Object> toJson(double target, long minSamples, double commonSeconds) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("secondsToTarget", secondsToTarget(target, minSamples).map(LearningPoint::round).orElse(null));
    json.put("last", lastFigures());
    json.put("atCommonSeconds", LearningCurve.at(points, commonSeconds).map(LearningPoint::toJson).orElse(null));
    json.put("end", end);
    json.put("seconds", LearningPoint.round(seconds));
    json.put("steps", steps);
    json.put("gamesPlayed", gamesPlayed);
    json.put("gamesPerSecond", finite(gamesPerSecond()));
    json.put("points", points.stream().map(LearningPoint::toJson).toList());
    json.putAll(details);
    return json;
  }

  /** The figures of the last evaluation, with the arm's games and games per second. */
  private Map<String, Object> lastFigures() {
    Map<String, Object> json = new LinkedHashMap<>();
    Optional<LearningPoint> last = last();
    json.put("decisionAccuracy", last.map(p -> finite(p.decisionAccuracy())).orElse(null));
    json.put("noImageAccuracy", last.map(p -> finite(p.noImageAccuracy())).orElse(null));
    json.put("naRate", last.map(p -> finite(p.naRate())).orElse(null));
    json.put("games", gamesPlayed);
    json.put("gamesPerSecond", finite(gamesPerSecond()));
    json.put("evaluatedVersion", last.map(LearningPoint::policyVersion).orElse(null));
    json.put("evaluatedStep", last.map(LearningPoint::step).orElse(null));
    json.put("samples", last.map(LearningPoint::samples).orElse(null));
    return json;
  }

  private static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }
}
