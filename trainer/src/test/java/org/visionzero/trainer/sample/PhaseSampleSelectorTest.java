package org.visionzero.trainer.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.visionzero.events.Phase;
import org.visionzero.events.Role;
import org.visionzero.events.ScoredDecision;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.events.TurnKind;
import org.visionzero.game.outcome.DecisionGames;
import org.visionzero.game.reward.DecisionAdvantage;
import org.visionzero.game.reward.RaeAdvantages;
import org.visionzero.game.reward.RaeBaselines;
import org.visionzero.trainer.TestTrajectories;

class PhaseSampleSelectorTest {
  private final List<ScoredTrajectory> batch = List.of(TestTrajectories.game("g1"), TestTrajectories.game("g2"));
  private final RaeAdvantages rae = RaeAdvantages.apply(RaeBaselines.initial(0.9), batch);

  @Test
  void shouldSelectOnlyDecisionSamplesWithTheScorersAdvantagesWhenNormalized() {
    List<TrainingSample> samples = PhaseSampleSelector.select(Phase.DECISION, batch, rae,
        DecisionAdvantage.NORMALIZED);

    assertThat(samples).hasSize(8).allSatisfy(s -> {
      assertThat(s.kind()).isEqualTo(TurnKind.DECISION);
      assertThat(s.role()).isEqualTo(Role.OBSERVER);
    });
    assertThat(samples.subList(0, 4)).extracting(TrainingSample::advantage).containsExactly(0.9, 0.8, -0.7, -1.0);
  }

  @Test
  void shouldCentreEachGamesDecisionRewardsWithoutDividingByTheirSpreadByDefault() {
    List<TrainingSample> samples = PhaseSampleSelector.select(Phase.DECISION, batch, rae);

    // Rewards 2.49, 2.49, -0.9, -0.3: mean 0.945.
    assertThat(samples).hasSize(8);
    assertThat(samples.subList(0, 4)).extracting(TrainingSample::advantage).satisfiesExactly(
        a -> assertThat(a).isCloseTo(1.545, within(1e-12)),
        a -> assertThat(a).isCloseTo(1.545, within(1e-12)),
        a -> assertThat(a).isCloseTo(-1.845, within(1e-12)),
        a -> assertThat(a).isCloseTo(-1.245, within(1e-12)));
    assertThat(samples.stream().mapToDouble(TrainingSample::advantage).sum()).isCloseTo(0, within(1e-9));
  }

  @Test
  void shouldLeaveOutTheDecisionsOfAGameWhoseSpyOnlyRepeatedOthersWhenAsked() {
    List<ScoredTrajectory> withHidingSpy = List.of(TestTrajectories.spyRepeatsSeatOne(TestTrajectories.game("g1")),
        TestTrajectories.game("g2"));

    List<TrainingSample> skipping = PhaseSampleSelector.select(Phase.DECISION, withHidingSpy, rae,
        DecisionAdvantage.CENTERED, new DecisionGames(true, false));
    List<TrainingSample> keeping = PhaseSampleSelector.select(Phase.DECISION, withHidingSpy, rae,
        DecisionAdvantage.CENTERED, DecisionGames.all());
    List<TrainingSample> clues = PhaseSampleSelector.select(Phase.CLUE, withHidingSpy, rae,
        DecisionAdvantage.CENTERED, DecisionGames.defaults());

    assertThat(skipping).hasSize(4).allSatisfy(s -> assertThat(s.game().getGameId()).isEqualTo("g2"));
    assertThat(keeping).hasSize(8);
    assertThat(clues).hasSize(16); // the hiding spy's clues are still trained
    assertThat(PhaseSampleSelector.leftOutGames(withHidingSpy, DecisionGames.defaults()))
        .isEqualTo(Map.of(DecisionGames.Reason.REPEATING_SPY, 1));
  }

  @Test
  void shouldLeaveOutTheDecisionsOfAGameInWhichNoVoteNamedTheSpyByDefault() {
    ScoredTrajectory solved = TestTrajectories.game("g1");
    ScoredTrajectory unsolved = ScoredTrajectory.newBuilder(TestTrajectories.game("g2"))
        .setDecisions(solved.getDecisions().stream()
            .map(d -> ScoredDecision.newBuilder(d).setCorrect(false).build()).toList())
        .build();
    List<ScoredTrajectory> games = List.of(solved, unsolved);

    List<TrainingSample> byDefault = PhaseSampleSelector.select(Phase.DECISION, games, rae,
        DecisionAdvantage.CENTERED, DecisionGames.defaults());
    List<TrainingSample> everyGame = PhaseSampleSelector.select(Phase.DECISION, games, rae,
        DecisionAdvantage.CENTERED, DecisionGames.all());

    assertThat(byDefault).hasSize(4).allSatisfy(s -> assertThat(s.game().getGameId()).isEqualTo("g1"));
    assertThat(everyGame).hasSize(8);
    assertThat(PhaseSampleSelector.leftOutGames(games, DecisionGames.defaults()))
        .isEqualTo(Map.of(DecisionGames.Reason.UNSOLVED, 1));
  }

  @Test
  void shouldSelectOnlyClueSamplesWithOneRaeAdvantagePerSeatInCluePhase() {
    List<TrainingSample> samples = PhaseSampleSelector.select(Phase.CLUE, batch, rae);

    assertThat(samples).hasSize(16).allSatisfy(s -> assertThat(s.kind()).isEqualTo(TurnKind.CLUE));
    TrainingSample spyRound1 = find(samples, 2, 1);
    TrainingSample spyRound2 = find(samples, 2, 2);
    assertThat(spyRound1.role()).isEqualTo(Role.SPY);
    assertThat(spyRound1.advantage()).isEqualTo(spyRound2.advantage())
        .isCloseTo(-0.4333 - rae.baselines().bSpy(), within(1e-12));
    assertThat(find(samples, 4, 2).advantage()).isCloseTo(0.2111 - rae.baselines().bCiv(), within(1e-12));
  }

  private static TrainingSample find(List<TrainingSample> samples, int seat, int round) {
    return samples.stream().filter(s -> s.seat() == seat && s.round() == round).findFirst().orElseThrow();
  }
}
