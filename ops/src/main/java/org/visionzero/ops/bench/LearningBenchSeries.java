package org.visionzero.ops.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code vz bench learning} over one or more seeds: each seed's pair of arms ({@link LearningBenchResult}), and
 * the medians over the seeds that the figure is stated in. An arm that did not reach the target on a
 * seed counts as slower than every arm that did (its time is unknown but above the duration), so the median is
 * still defined while more than half the seeds reached it.
 *
 * @param runs one per seed, in the order they ran
 */
public record LearningBenchSeries(List<SeedRun> runs) {

  /**
   * One seed's two arms.
   *
   * @param seed   the seed of the pairs and the model ({@code produce.seed}, {@code trainer.model.seed})
   * @param order  the arms in the order they ran (alternating from seed to seed)
   * @param result their figures
   */
  public record SeedRun(long seed, List<String> order, LearningBenchResult result) {
    public SeedRun {
      order = List.copyOf(order);
      Objects.requireNonNull(result, "result");
    }
  }

  public LearningBenchSeries {
    runs = List.copyOf(runs);
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("a series needs at least one seed");
    }
  }

  /** The median over the seeds of an arm's seconds to the target; empty when half the seeds or more missed it. */
  public Optional<Double> medianSecondsToTarget(Function<LearningBenchResult, LearningArm> arm) {
    List<Double> seconds = new ArrayList<>();
    for (SeedRun run : runs) {
      LearningBenchResult r = run.result();
      seconds.add(arm.apply(r).secondsToTarget(r.target(), r.minSamples()).orElse(Double.POSITIVE_INFINITY));
    }
    double median = median(seconds);
    return Double.isFinite(median) ? Optional.of(median) : Optional.empty();
  }

  /** The median over the seeds of an arm's training games per second. */
  public double medianGamesPerSecond(Function<LearningBenchResult, LearningArm> arm) {
    return median(runs.stream().map(run -> arm.apply(run.result()).gamesPerSecond()).toList());
  }

  /** Streaming's median seconds to the target over sync's: at most 1.2 is the goal. */
  public Optional<Double> streamingToSyncSecondsToTarget() {
    return LearningCurve.ratio(medianSecondsToTarget(LearningBenchResult::streaming),
        medianSecondsToTarget(LearningBenchResult::sync));
  }

  /** Sync's median seconds to the target over streaming's: above 1, streaming got there faster. */
  public Optional<Double> syncToStreamingSecondsToTarget() {
    return streamingToSyncSecondsToTarget().map(ratio -> 1 / ratio);
  }

  /** Streaming's median training games per second over sync's. */
  public Optional<Double> streamingToSyncGamesPerSecond() {
    return LearningCurve.ratio(finite(medianGamesPerSecond(LearningBenchResult::streaming)),
        finite(medianGamesPerSecond(LearningBenchResult::sync)));
  }

  static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    if (n == 0) {
      return Double.NaN;
    }
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /**
   * The medians and ratios, then every seed's figures under {@code runs}; with one seed its two arms also stand
   * at the top level under {@code streaming} and {@code sync}, as a single run always reported them.
   */
  public Map<String, Object> toJson() {
    LearningBenchResult first = runs.get(0).result();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("target", first.target());
    json.put("durationSeconds", LearningPoint.round(first.durationSeconds()));
    json.put("seeds", runs.stream().map(SeedRun::seed).toList());
    json.put("streamingToSyncSecondsToTarget", streamingToSyncSecondsToTarget().map(LearningPoint::round)
        .orElse(null));
    json.put("syncToStreamingSecondsToTarget", syncToStreamingSecondsToTarget().map(LearningPoint::round)
        .orElse(null));
    json.put("streamingToSyncGamesPerSecond", streamingToSyncGamesPerSecond().map(LearningPoint::round)
        .orElse(null));
    Map<String, Object> medians = new LinkedHashMap<>();
    medians.put("streaming", medianSecondsToTarget(LearningBenchResult::streaming).map(LearningPoint::round)
        .orElse(null));
    medians.put("sync", medianSecondsToTarget(LearningBenchResult::sync).map(LearningPoint::round).orElse(null));
    json.put("medianSecondsToTarget", medians);
    json.put("minSamples", first.minSamples());
    json.put("v0", first.v0());
    if (runs.size() == 1) {
      Map<String, Object> single = first.toJson();
      json.put("commonSeconds", single.get("commonSeconds"));
      json.put("streaming", single.get("streaming"));
      json.put("sync", single.get("sync"));
    }
    List<Map<String, Object>> perSeed = new ArrayList<>();
    for (SeedRun run : runs) {
      Map<String, Object> seedJson = new LinkedHashMap<>();
      seedJson.put("seed", run.seed());
      seedJson.put("order", run.order());
      seedJson.putAll(run.result().toJson());
      perSeed.add(seedJson);
    }
    json.put("runs", perSeed);
    return json;
  }

  /** Each seed's table, then the medians. */
  public String toText() {
    StringBuilder text = new StringBuilder();
    for (SeedRun run : runs) {
      text.append("seed ").append(run.seed()).append(" (arms in the order ").append(String.join(", ", run.order()))
          .append(")\n").append(run.result().toText()).append("\n\n");
    }
    text.append(String.format(Locale.ROOT, "median over %d seed(s): seconds to %.2f streaming %s, sync %s; "
            + "streaming/sync %s (goal <= 1.2)%n", runs.size(), runs.get(0).result().target(),
        medianSecondsToTarget(LearningBenchResult::streaming).map(s -> format(s)).orElse("not reached"),
        medianSecondsToTarget(LearningBenchResult::sync).map(s -> format(s)).orElse("not reached"),
        streamingToSyncSecondsToTarget().map(r -> String.format(Locale.ROOT, "%.2f", r)).orElse("n/a")));
    return text.toString().stripTrailing();
  }

  private static String format(double seconds) {
    return String.format(Locale.ROOT, "%.1f s", seconds);
  }

  private static Optional<Double> finite(double value) {
    return Double.isFinite(value) ? Optional.of(value) : Optional.empty();
  }
}
