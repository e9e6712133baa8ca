package org.visionzero.ops.eval;

/** A full evaluation of one version: {@code gamesPerArm} scored games of every arm. */
record EvaluationTarget(int version, int gamesPerArm) {

  boolean metBy(EvaluationTally tally) {
    for (EvalArm arm : EvalArm.values()) {
      if (tally.games(version, arm) < gamesPerArm) {
        return false;
      }
    }
    return true;
  }

  /** The share of the target's games scored so far (games beyond an arm's target do not count). */
  double shareDone(EvaluationTally tally) {
    long done = 0;
    for (EvalArm arm : EvalArm.values()) {
      done += Math.min(gamesPerArm, tally.games(version, arm));
    }
    return gamesPerArm == 0 ? 1 : done / (double) (gamesPerArm * EvalArm.values().length);
  }
}
