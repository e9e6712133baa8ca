package org.visionzero.ops.resources;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One reading of a run's resources.
 *
 * @param minute         minutes since the run began
 * @param rssBytes       resident memory of the process, as the kernel counts it ({@code VmRSS})
 * @param gamesCompleted games the run had completed by then, self-play and evaluation
 * @param selfPlay       whether self-play was still on (false during the final evaluation)
 */
public record ResourceSample(double minute, long rssBytes, long gamesCompleted, boolean selfPlay) {

  /** The sample as {@code summary.json} lists it. */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("minute", Math.round(minute * 100) / 100.0);
    json.put("rssBytes", rssBytes);
    json.put("gamesCompleted", gamesCompleted);
    json.put("selfPlay", selfPlay);
    return json;
  }
}
