package org.visionzero.policy.train;

import java.time.Duration;
import java.util.Locale;

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
 */
public record PretrainResult(long steps, Duration trainingTime, double finalLoss, double heldOutTokenAccuracy,
    double heldOutDecisionAccuracy, double heldOutNoImageDecisionAccuracy, long parameters, String checkpointSha256) {

  public String toJson() {
    return String.format(Locale.ROOT,
        "{\"steps\":%d,\"trainingSeconds\":%.1f,\"finalLoss\":%.4f,\"heldOutTokenAccuracy\":%.4f,"
            + "\"heldOutDecisionAccuracy\":%.4f,\"heldOutNoImageDecisionAccuracy\":%.4f,\"parameters\":%d,"
            + "\"checkpointSha256\":\"%s\"}",
        steps, trainingTime.toMillis() / 1000.0, finalLoss, heldOutTokenAccuracy, heldOutDecisionAccuracy,
        heldOutNoImageDecisionAccuracy, parameters, checkpointSha256);
  }
}
