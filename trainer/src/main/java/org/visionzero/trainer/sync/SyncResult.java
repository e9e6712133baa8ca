package org.visionzero.trainer.sync;

import java.util.Locale;

/**
 * What a synchronous run measured.
 *
 * @param runId                 the run
 * @param steps                 optimizer steps taken
 * @param appliedSteps          steps whose update was applied
 * @param skippedSteps          steps skipped (non-finite, or nothing to train)
 * @param gamesPlayed           training games played
 * @param seconds               wall time of training (evaluation excluded)
 * @param finalPolicyVersion    the version the weights reached
 * @param lastLoss              loss of the last applied step (NaN when none)
 * @param heldOutDecisionAccuracy share of held-out decision samples naming the spy (trained policy everywhere)
 * @param noImageDecisionAccuracy the same with a blank decision image (the control of LEARNING-NOTES trap 2)
 * @param heldOutNaRate         share of held-out decision samples that abstained
 * @param winRateVsV0           share of games the trained policy won against v0 (referee: v0)
 * @param winRateAsCivilians    of those, the games it played as the civilians
 * @param winRateAsSpy          of those, the games it played as the spy
 */
public record SyncResult(
    String runId,
    long steps,
    long appliedSteps,
    long skippedSteps,
    long gamesPlayed,
    double seconds,
    int finalPolicyVersion,
    double lastLoss,
    double heldOutDecisionAccuracy,
    double noImageDecisionAccuracy,
    double heldOutNaRate,
    double winRateVsV0,
    double winRateAsCivilians,
    double winRateAsSpy) {

  /** Games per second of the training part. */
  public double gamesPerSecond() {
    return seconds > 0 ? gamesPlayed / seconds : 0;
  }

  /** One JSON object, as {@code vz run --sync --json} prints it. */
  public String toJson() {
    return String.format(Locale.ROOT, "{\"runId\":\"%s\",\"steps\":%d,\"appliedSteps\":%d,\"skippedSteps\":%d,"
            + "\"gamesPlayed\":%d,\"seconds\":%.3f,\"gamesPerSecond\":%.2f,\"finalPolicyVersion\":%d,"
            + "\"lastLoss\":%s,\"heldOutDecisionAccuracy\":%.4f,\"noImageDecisionAccuracy\":%.4f,"
            + "\"heldOutNaRate\":%.4f,\"winRateVsV0\":%.4f,\"winRateAsCivilians\":%.4f,\"winRateAsSpy\":%.4f,"
            + "\"referee\":\"v0\"}",
        runId.replace("\\", "\\\\").replace("\"", "\\\""), steps, appliedSteps, skippedSteps, gamesPlayed, seconds,
        gamesPerSecond(), finalPolicyVersion, Double.isFinite(lastLoss) ? String.format(Locale.ROOT, "%.6f", lastLoss)
            : "null", heldOutDecisionAccuracy, noImageDecisionAccuracy, heldOutNaRate, winRateVsV0,
        winRateAsCivilians, winRateAsSpy);
  }
}
