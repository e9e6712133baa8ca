package org.visionzero.trainer.sync;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.visionzero.json.Json;

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
 * @param cpuSeconds            CPU time of the whole process (every thread) from the loop's start to its last step
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
    double cpuSeconds,
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
   * @param seconds          the run's clock by then (wall time; evaluations every N steps are kept out of it,
   *                         evaluations on an interval are counted in it)
   * @param gamesPlayed      training games played by then
   * @param policyVersion    the version the weights had reached
   * @param decisionAccuracy share of decision samples naming the spy
   * @param noImageAccuracy  the same with a blank decision image
   * @param naRate           share of decision samples that abstained
   * @param samples          decision samples of the accuracy
   */
  public record Point(long step, double seconds, long gamesPlayed, int policyVersion, double decisionAccuracy,
      double noImageAccuracy, double naRate, int samples) {

    public ObjectNode toJson() {
      ObjectNode json = Json.object();
      json.put("step", step);
      json.put("seconds", Json.round(seconds, 3));
      json.put("gamesPlayed", gamesPlayed);
      json.put("policyVersion", policyVersion);
      json.put("decisionAccuracy", Json.round(decisionAccuracy, 4));
      json.put("noImageAccuracy", Json.round(noImageAccuracy, 4));
      json.put("naRate", Json.round(naRate, 4));
      json.put("samples", samples);
      return json;
    }
  }

  /** Games per second of the training part. */
  public double gamesPerSecond() {
    return seconds > 0 ? gamesPlayed / seconds : 0;
  }

  /** One JSON object, as {@code vz run --sync --json} prints it. */
  public String toJson() {
    ObjectNode json = Json.object();
    json.put("runId", runId);
    json.put("steps", steps);
    json.put("appliedSteps", appliedSteps);
    json.put("skippedSteps", skippedSteps);
    json.put("gamesPlayed", gamesPlayed);
    json.put("seconds", Json.round(seconds, 3));
    json.put("gamesPerSecond", Json.round(gamesPerSecond(), 2));
    json.put("cpuSeconds", Json.round(cpuSeconds, 1));
    json.put("finalPolicyVersion", finalPolicyVersion);
    json.put("lastLoss", Json.round(lastLoss, 6)); // null when no step was applied
    json.put("heldOutDecisionAccuracy", Json.round(heldOutDecisionAccuracy, 4));
    json.put("noImageDecisionAccuracy", Json.round(noImageDecisionAccuracy, 4));
    json.put("heldOutNaRate", Json.round(heldOutNaRate, 4));
    json.put("winRateVsV0", Json.round(winRateVsV0, 4));
    json.put("winRateAsCivilians", Json.round(winRateAsCivilians, 4));
    json.put("winRateAsSpy", Json.round(winRateAsSpy, 4));
    json.put("timeLimitReached", timeLimitReached);
    ArrayNode curve = json.putArray("points");
    points.forEach(point -> curve.add(point.toJson()));
    json.put("referee", "v0");
    return Json.write(json);
  }
}
