package org.visionzero.policy.train;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Locale;
import org.visionzero.json.Json;

/**
 * What a pretraining run achieved.
 *
 * @param steps                         optimiser steps made
 * @param trainingTime                  time of the training loop
 * @param finalLoss                     mean caption loss over the last steps
 * @param heldOutTokenAccuracy          greedy captions on held-out pairs: share of target tokens (end included)
 *                                      matched at their position
 * @param heldOutDecisionAccuracy       v0 observer votes naming the spy in held-out 4-player games
 * @param heldOutNoImageDecisionAccuracy the same with a blank decision image (the no-image control)
 * @param parameters                    number of weights
 * @param checkpointSha256              sha256 of the written checkpoint ("" when none was written)
 * @param cpuCoresUsed                  cores the process kept busy on average during training (of the whole
 *                                      process: inside {@code vz run} the pipeline's threads count too)
 */
public record PretrainResult(long steps, Duration trainingTime, double finalLoss, double heldOutTokenAccuracy,
    double heldOutDecisionAccuracy, double heldOutNoImageDecisionAccuracy, long parameters, String checkpointSha256,
    double cpuCoresUsed) {

  public String toJson() {
    // a loss that diverged is not a number: the shared mapper writes it as null
    ObjectNode json = Json.object();
    json.put("steps", steps);
    json.put("trainingSeconds", Json.round(trainingTime.toMillis() / 1000.0, 1));
    json.put("finalLoss", Json.round(finalLoss, 4));
    json.put("heldOutTokenAccuracy", Json.round(heldOutTokenAccuracy, 4));
    json.put("heldOutDecisionAccuracy", Json.round(heldOutDecisionAccuracy, 4));
    json.put("heldOutNoImageDecisionAccuracy", Json.round(heldOutNoImageDecisionAccuracy, 4));
    json.put("parameters", parameters);
    json.put("checkpointSha256", checkpointSha256);
    json.put("cpuCoresUsed", Json.round(cpuCoresUsed, 2));
    return Json.write(json);
  }
}
