package org.visionzero.game.score;

import java.util.List;

/** A scored trajectory whose recorded figures cannot be recomputed from its own decision samples. */
public final class InconsistentTrajectoryException extends IllegalStateException {
  private final transient List<String> problems;

  public InconsistentTrajectoryException(String gameId, List<String> problems) {
    super("the trajectory of game " + gameId + " contradicts itself: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Every contradiction, in words. */
  public List<String> problems() {
    return problems;
  }
}
