package org.visionzero.ops.resources;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** The keys {@code summary.json} gets from a run's resource samples. */
public final class ResourceFigures {
  /** Least-squares slope of resident memory over self-play from minute 10 on, MB (10^6 bytes) per minute. */
  public static final String RSS_SLOPE = "rssSlopeMbPerMinuteAfter10m";
  /** Games per minute in the last 10 minutes of self-play over minutes 10–20; null below 30 minutes of self-play. */
  public static final String LATE_THROUGHPUT = "throughputLast10mOverMinutes10To20";
  /** Every sample, oldest first. */
  public static final String SAMPLES = "resourceSamples";

  private ResourceFigures() {}

  /** The figures of these samples; a figure that cannot be computed is null. */
  public static Map<String, Object> of(List<ResourceSample> samples) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put(RSS_SLOPE, orNull(ResourceTrend.rssSlopeMbPerMinute(samples)));
    json.put(LATE_THROUGHPUT, orNull(ResourceTrend.lateThroughputRatio(samples)));
    json.put(SAMPLES, samples.stream().map(ResourceSample::toJson).toList());
    return json;
  }

  private static Double orNull(OptionalDouble value) {
    return value.isPresent() && Double.isFinite(value.getAsDouble()) ? value.getAsDouble() : null;
  }
}
