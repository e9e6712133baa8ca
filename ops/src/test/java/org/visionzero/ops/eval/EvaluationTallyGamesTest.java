package org.visionzero.ops.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EvaluationTallyGamesTest {

  private final EvaluationTally tally = new EvaluationTally("run-a", pairId -> Optional.empty());

  @Test
  void shouldClusterTheDecisionFiguresOnGamesAndCountTheirPairs() {
    List<Boolean> allRight = List.of(true, true, true, true, true, true, true, true);
    List<Boolean> allWrong = List.of(false, false, false, false, false, false, false, false);
    tally.add(EvalEvents.scored("run-a", "g1", "pair-1", EvalArm.DECISION, 3, allRight));
    tally.add(EvalEvents.scored("run-a", "g2", "pair-1", EvalArm.DECISION, 3, allWrong));
    tally.add(EvalEvents.scored("run-a", "g3", "pair-2", EvalArm.NO_IMAGE, 3, allRight));
    tally.add(EvalEvents.scored("run-a", "g4", "pair-2", EvalArm.DECISION, 3, List.of()));

    VersionResult result = tally.result(3).orElseThrow();

    assertThat(result.decisionAccuracy()).isEqualTo(new Proportion(8, 16));
    assertThat(result.decisionAccuracyVotes().games()).isEqualTo(2);
    // two games that disagree completely are worth one vote (ClusteredProportionTest)
    assertThat(result.decisionAccuracyVotes().effectiveTrials()).isCloseTo(1, within(1e-12));
    assertThat(result.naRate()).isEqualTo(new Proportion(0, 16));
    assertThat(result.naRateVotes().games()).isEqualTo(2);
    assertThat(result.noImageAccuracyVotes().games()).isEqualTo(1);

    Map<String, Object> json = result.toJson();
    assertThat(json).containsEntry("decisionAccuracyGames", 2L).containsEntry("decisionAccuracyPairs", 1L)
        .containsEntry("noImageAccuracyGames", 1L).containsEntry("noImageAccuracyPairs", 1L)
        .containsEntry("naRateGames", 2L).containsEntry("naRatePairs", 1L);
    @SuppressWarnings("unchecked")
    Map<String, Object> accuracy = (Map<String, Object>) json.get("decisionAccuracy");
    assertThat(accuracy).containsEntry("n", 16L).containsEntry("low", result.decisionAccuracyVotes().low());
    assertThat((double) accuracy.get("low")).isLessThan(result.decisionAccuracy().low());
  }
}
