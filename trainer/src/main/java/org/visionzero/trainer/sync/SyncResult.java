package org.visionzero.trainer.sync;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

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
 * @param timeLimitReached      true when the run stopped on its time limit before its steps were done
 * @param points                the periodic held-out evaluations, in step order (step 0 is v0)
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
    double winRateAsSpy,
    boolean timeLimitReached,
    List<Point> points) {

  public SyncResult {
    Objects.requireNonNull(runId, "runId");
    points = List.copyOf(points);
  }

  /**
   * One periodic held-out evaluation: the trained weights decide on games whose clues all come from v0 (like
   * the streaming evaluator's decision arm), once with the image and once with a blank one.
   *
   * @param step             optimizer steps taken when it was made (0: before training)
   * @param seconds          training wall time by then, evaluation time excluded
   * @param gamesPlayed      training games played by then
   * @param policyVersion    the version the weights had reached
   * @param decisionAccuracy share of decision samples naming the spy
   * @param noImageAccuracy  the same with a blank decision image
   * @param naRate           share of decision samples that abstained
   * @param samples          decision samples of the accuracy
   */
  public record Point(long step, double seconds, long gamesPlayed, int policyVersion, double decisionAccuracy,
      double noImageAccuracy, double naRate, int samples) {

    public String toJson() {
      return String.format(Locale.ROOT, "{\"step\":%d,\"seconds\":%.3f,\"gamesPlayed\":%d,\"policyVersion\":%d,"
              + "\"decisionAccuracy\":%.4f,\"noImageAccuracy\":%.4f,\"naRate\":%.4f,\"samples\":%d}",
          step, seconds, gamesPlayed, policyVersion, decisionAccuracy, noImageAccuracy, naRate, samples);
    }
  }

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
            + "\"timeLimitReached\":%s,\"points\":[%s],\"referee\":\"v0\"}",
        runId.replace("\\", "\\\\").replace("\"", "\\\""), steps, appliedSteps, skippedSteps, gamesPlayed, seconds,
        gamesPerSecond(), finalPolicyVersion, Double.isFinite(lastLoss) ? String.format(Locale.ROOT, "%.6f", lastLoss)
            : "null", heldOutDecisionAccuracy, noImageDecisionAccuracy, heldOutNaRate, winRateVsV0,
        winRateAsCivilians, winRateAsSpy, timeLimitReached,
        points.stream().map(Point::toJson).collect(Collectors.joining(",")));
  }
}
