package org.visionzero.ops.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.visionzero.ops.eval.JsonNumbers;

/**
 * One held-out evaluation of an arm of {@code vz bench learning}: the figures of the weights that existed
 * {@code seconds} after the arm started.
 *
 * @param seconds          when the evaluated weights existed: for the streaming arm, when their checkpoint was
 *                         published (since the pipeline started); for the synchronous arm, training time with
 *                         evaluation time excluded
 * @param step             optimizer steps behind the weights
 * @param gamesPlayed      training games behind the weights (steps × games per step)
 * @param policyVersion    the evaluated version
 * @param decisionAccuracy share of decision samples naming the spy, on games whose clues all came from v0
 * @param noImageAccuracy  the same with a blank decision image (the control)
 * @param naRate           share of decision samples that abstained
 * @param samples          decision samples behind {@code decisionAccuracy}
 */
public record LearningPoint(double seconds, long step, long gamesPlayed, int policyVersion, double decisionAccuracy,
    double noImageAccuracy, double naRate, long samples) {

  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("seconds", round(seconds));
    json.put("step", step);
    json.put("gamesPlayed", gamesPlayed);
    json.put("policyVersion", policyVersion);
    json.put("decisionAccuracy", JsonNumbers.finiteOrNull(decisionAccuracy));
    json.put("noImageAccuracy", JsonNumbers.finiteOrNull(noImageAccuracy));
    json.put("naRate", JsonNumbers.finiteOrNull(naRate));
    json.put("samples", samples);
    return json;
  }

  /** Milliseconds are enough for a benchmark that runs minutes. */
  static Double round(double seconds) {
    return Double.isFinite(seconds) ? Math.round(seconds * 1000) / 1000.0 : null;
  }
}
