package org.visionzero.ops.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.visionzero.events.ScoredTrajectory;

class RecentGamesTest {

  private final RecentGames recent = new RecentGames("run-a", 2);

  @Test
  void shouldKeepTheNewestGamesOfEachArmArmByArm() {
    recent.add(game("g1", EvalArm.NO_IMAGE));
    recent.add(game("g2", EvalArm.DECISION));
    recent.add(game("g3", EvalArm.DECISION));
    recent.add(game("g4", EvalArm.DECISION));

    assertThat(recent.games()).extracting(ScoredTrajectory::getGameId).containsExactly("g3", "g4", "g1");
  }

  @Test
  void shouldIgnoreGamesOfOtherRuns() {
    recent.add(EvalEvents.scored("run-b", "g1", "p", EvalArm.DECISION, 1, List.of(true)));

    assertThat(recent.games()).isEmpty();
  }

  private static ScoredTrajectory game(String id, EvalArm arm) {
    return EvalEvents.scored("run-a", id, "p", arm, 1, List.of(true));
  }
}
