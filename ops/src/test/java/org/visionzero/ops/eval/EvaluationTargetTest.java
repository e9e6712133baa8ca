package org.visionzero.ops.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EvaluationTargetTest {

  private final EvaluationTally tally = new EvaluationTally("run-a", pairId -> Optional.empty());
  private int games;

  @Test
  void shouldCountOnlyGamesUpToEachArmsTarget() {
    EvaluationTarget target = new EvaluationTarget(3, 2);
    add(EvalArm.DECISION, 3, 3); // one beyond the target does not make up for another arm
    add(EvalArm.NO_IMAGE, 3, 1);
    add(EvalArm.DECISION, 4, 2); // another version

    // (2 + 1) of 2 games x 6 arms
    assertThat(target.shareDone(tally)).isCloseTo(3 / 12.0, within(1e-12));
    assertThat(target.metBy(tally)).isFalse();
  }

  @Test
  void shouldBeMetWhenEveryArmHasItsGames() {
    EvaluationTarget target = new EvaluationTarget(3, 1);
    for (EvalArm arm : EvalArm.values()) {
      assertThat(target.metBy(tally)).isFalse();
      add(arm, 3, 1);
    }

    assertThat(target.metBy(tally)).isTrue();
    assertThat(target.shareDone(tally)).isEqualTo(1.0);
  }

  @Test
  void shouldBeMetWhenEveryPlayedArmHasItsGamesWhateverTheOthersHave() {
    EvaluationTarget target = new EvaluationTarget(3, 2, EnumSet.of(EvalArm.DECISION, EvalArm.NO_IMAGE));
    add(EvalArm.DECISION, 3, 2);
    add(EvalArm.NO_IMAGE, 3, 1);

    assertThat(target.metBy(tally)).isFalse();
    assertThat(target.shareDone(tally)).isCloseTo(3 / 4.0, within(1e-12));
    add(EvalArm.NO_IMAGE, 3, 1);
    assertThat(target.metBy(tally)).isTrue();
  }

  private void add(EvalArm arm, int version, int count) {
    for (int i = 0; i < count; i++) {
      games++;
      tally.add(EvalEvents.scored("run-a", "g" + games, "p", arm, version, List.of(true)));
    }
  }
}
