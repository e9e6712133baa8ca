package org.visionzero.ops.eval;

import java.util.EnumSet;
import java.util.Set;

/** A full evaluation of one version: {@code gamesPerArm} scored games of every played arm. */
record EvaluationTarget(int version, int gamesPerArm, Set<EvalArm> arms) {

  /** A target over every arm. */
  EvaluationTarget(int version, int gamesPerArm) {
    this(version, gamesPerArm, EnumSet.allOf(EvalArm.class));
  }

  EvaluationTarget {
    if (arms.isEmpty()) {
      throw new IllegalArgumentException("an evaluation needs at least one arm");
    }
    arms = Set.copyOf(arms);
  }

  boolean metBy(EvaluationTally tally) {
    for (EvalArm arm : arms) {
      if (tally.games(version, arm) < gamesPerArm) {
        return false;
      }
    }
    return true;
  }

  /** The share of the target's games scored so far (games beyond an arm's target do not count). */
  double shareDone(EvaluationTally tally) {
    long done = 0;
    for (EvalArm arm : arms) {
      done += Math.min(gamesPerArm, tally.games(version, arm));
    }
    return gamesPerArm == 0 ? 1 : done / (double) (gamesPerArm * arms.size());
  }
}
