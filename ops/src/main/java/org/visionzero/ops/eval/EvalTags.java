package org.visionzero.ops.eval;

import java.util.Map;
import java.util.Optional;

/** Tags an evaluation game carries (GameRequested → GameStarted → ScoredTrajectory), naming what it measures. */
public record EvalTags(String runId, EvalArm arm, int evaluatedVersion, int refereeVersion) {

  public static final String RUN = "eval.run";
  public static final String ARM = "eval.arm";
  public static final String VERSION = "eval.version";
  public static final String REFEREE = "eval.referee";
  /** Referee version written when the arm needs none. */
  public static final int NO_REFEREE = -1;

  public Map<String, String> toMap() {
    return Map.of(RUN, runId, ARM, arm.wireName(), VERSION, Integer.toString(evaluatedVersion),
        REFEREE, Integer.toString(refereeVersion));
  }

  /** The tags of a game this evaluator run requested; empty for any other game (training, other runs, users). */
  public static Optional<EvalTags> of(Map<String, String> tags, String runId) {
    if (tags == null || !runId.equals(tags.get(RUN))) {
      return Optional.empty();
    }
    try {
      return Optional.of(new EvalTags(runId, EvalArm.fromWireName(tags.get(ARM)),
          Integer.parseInt(tags.get(VERSION)), Integer.parseInt(tags.getOrDefault(REFEREE, "-1"))));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("evaluation game of run " + runId + " has malformed tags " + tags, e);
    }
  }
}
