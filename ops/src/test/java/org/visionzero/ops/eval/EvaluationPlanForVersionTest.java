package org.visionzero.ops.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EvaluationPlanForVersionTest {

  private static final Set<EvalArm> ALL = EnumSet.allOf(EvalArm.class);

  private final EvaluationTally tally = new EvaluationTally("run-a", pairId -> Optional.empty());
  private int games;

  @Test
  void shouldPlanTheRefereeArmsOnlyOnceARefereeIsChosenAndOnlyTheMissingGames() {
    add(EvalArm.DECISION, 3, 1);

    EvaluationPlan without = EvaluationPlan.forVersion(3, "p1", ALL, OptionalInt.empty(), 2, tally);
    EvaluationPlan with = EvaluationPlan.forVersion(3, "p2", ALL, OptionalInt.of(1), 2, tally);

    assertThat(arms(without)).containsExactly(EvalArm.DECISION, EvalArm.NO_IMAGE, EvalArm.PAPER_AS_SPY,
        EvalArm.PAPER_AS_CIVILIANS, EvalArm.NO_IMAGE, EvalArm.PAPER_AS_SPY, EvalArm.PAPER_AS_CIVILIANS);
    assertThat(arms(with)).hasSize(11).contains(EvalArm.CLUE_AS_SPY, EvalArm.CLUE_AS_CIVILIANS);
  }

  @Test
  void shouldPlanOnlyThePlayedArmsEvenWithAReferee() {
    EvaluationPlan plan = EvaluationPlan.forVersion(3, "p3", EnumSet.of(EvalArm.DECISION, EvalArm.NO_IMAGE),
        OptionalInt.of(1), 2, tally);

    assertThat(arms(plan)).containsExactly(EvalArm.DECISION, EvalArm.NO_IMAGE, EvalArm.DECISION, EvalArm.NO_IMAGE);
  }

  private void add(EvalArm arm, int version, int count) {
    for (int i = 0; i < count; i++) {
      games++;
      tally.add(EvalEvents.scored("run-a", "g" + games, "p", arm, version, List.of(true)));
    }
  }

  private static List<EvalArm> arms(EvaluationPlan plan) {
    List<EvalArm> arms = new ArrayList<>();
    for (Optional<EvaluationPlan.Next> next = plan.next(); next.isPresent(); next = plan.next()) {
      arms.add(next.get().arm());
    }
    return arms;
  }
}
