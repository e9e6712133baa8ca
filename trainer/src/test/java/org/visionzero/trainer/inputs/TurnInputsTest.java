package org.visionzero.trainer.inputs;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.visionzero.events.Phase;
import org.visionzero.events.Role;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.game.config.GameConfig;
import org.visionzero.game.reward.RaeBaselines;
import org.visionzero.game.view.VisibleClue;
import org.visionzero.policy.PolicyTurn;
import org.visionzero.trainer.TestTrajectories;
import org.visionzero.trainer.sample.PhaseSampleSelector;
import org.visionzero.game.reward.RaeAdvantages;
import org.visionzero.trainer.sample.TrainingSample;

class TurnInputsTest {
  private final BufferedImage original = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
  private final BufferedImage modified = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
  private final PairImages images = pairId -> new PairPictures(original, modified, "two objects differ");

  private static List<TrainingSample> samples(Phase phase, ScoredTrajectory game) {
    return PhaseSampleSelector.select(phase, List.of(game),
        RaeAdvantages.apply(RaeBaselines.initial(0.9), List.of(game)));
  }

  private static TrainingSample clue(List<TrainingSample> samples, int seat, int round) {
    return samples.stream().filter(s -> s.seat() == seat && s.round() == round).findFirst().orElseThrow();
  }

  @Test
  void shouldShowAClueTurnOnlyTheCluesSpokenBeforeItAndItsOwnImage() {
    ScoredTrajectory game = TestTrajectories.game("g1");
    TurnInputs inputs = new TurnInputs(GameConfig.code(), images);
    List<TrainingSample> clues = samples(Phase.CLUE, game);

    PolicyTurn spyRound2 = inputs.turnOf(clue(clues, 2, 2));
    PolicyTurn civilianRound1 = inputs.turnOf(clue(clues, 3, 1));

    assertThat(spyRound2.view().history()).extracting(VisibleClue::seat, VisibleClue::round).containsExactly(
        org.assertj.core.groups.Tuple.tuple(1, 1), org.assertj.core.groups.Tuple.tuple(2, 1),
        org.assertj.core.groups.Tuple.tuple(3, 1), org.assertj.core.groups.Tuple.tuple(4, 1),
        org.assertj.core.groups.Tuple.tuple(1, 2));
    assertThat(spyRound2.view().role()).isEqualTo(Role.SPY);
    assertThat(spyRound2.view().turn()).isEqualTo(5);
    assertThat(spyRound2.image()).isSameAs(modified);
    assertThat(civilianRound1.image()).isSameAs(original);
    assertThat(civilianRound1.view().history()).hasSize(2);
  }

  @Test
  void shouldShowTheObserverEveryClueAndTheOriginalOrABlankImage() {
    ScoredTrajectory game = TestTrajectories.game("g1");
    TurnInputs inputs = new TurnInputs(GameConfig.code(), images);

    PolicyTurn observer = inputs.turnOf(samples(Phase.DECISION, game).get(0));
    game.setBlankDecisionImage(true);
    PolicyTurn control = inputs.turnOf(samples(Phase.DECISION, game).get(0));

    assertThat(observer.view().history()).hasSize(8);
    assertThat(observer.view().role()).isEqualTo(Role.OBSERVER);
    assertThat(observer.image()).isSameAs(original);
    assertThat(control.image()).isNull();
  }

  @Test
  void shouldBlankTheSpyImageWhenTheRulesSaySo() {
    TurnInputs inputs = new TurnInputs(GameConfig.code().toBuilder().blankSpyImage(true).build(), images);

    PolicyTurn spy = inputs.turnOf(clue(samples(Phase.CLUE, TestTrajectories.game("g1")), 2, 1));

    assertThat(spy.image()).isNull();
  }
}
