package org.visionzero.trainer.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.visionzero.trainer.TestTrajectories.game;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.visionzero.events.Phase;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.Purpose;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.game.reward.RaeAdvantages;
import org.visionzero.game.reward.RaeBaselines;
import org.visionzero.trainer.TestTrajectories;

class StalenessFilterTest {

  private static List<TrainingSample> decisionsOf(ScoredTrajectory... games) {
    List<ScoredTrajectory> batch = List.of(games);
    return PhaseSampleSelector.select(Phase.DECISION, batch, RaeAdvantages.apply(RaeBaselines.initial(0.9), batch));
  }

  @Test
  void shouldDropSamplesLaggingMoreThanTheBoundAndKeepTheBoundItself() {
    StalenessFilter filter = new StalenessFilter(TestTrajectories.POLICY, 2);
    List<TrainingSample> samples = decisionsOf(
        game("lag3", Purpose.TRAINING, 2), game("lag2", Purpose.TRAINING, 3), game("lag0", Purpose.TRAINING, 5));

    StalenessFilter.Result result = filter.filter(samples, 5);

    assertThat(result.droppedStale()).isEqualTo(4);
    assertThat(result.kept()).hasSize(8)
        .extracting(s -> s.game().getGameId()).containsOnly("lag2", "lag0");
    assertThat(result.meanLag()).isEqualTo(1.0);
  }

  @Test
  void shouldDropSamplesOfOtherPoliciesAndFromVersionsAheadOfTheTrainer() {
    StalenessFilter filter = new StalenessFilter(TestTrajectories.POLICY, 2);
    TrainingSample own = decisionsOf(game("g1", Purpose.TRAINING, 1)).get(0);
    TrainingSample scripted = withBehaviour(own, new PolicyRef("random", 1));
    TrainingSample future = withBehaviour(own, new PolicyRef(TestTrajectories.POLICY, 2));

    StalenessFilter.Result result = filter.filter(List.of(own, scripted, future), 1);

    assertThat(result.kept()).containsExactly(own);
    assertThat(result.droppedForeign()).isEqualTo(1);
    assertThat(result.droppedStale()).isEqualTo(1);
  }

  private static TrainingSample withBehaviour(TrainingSample s, PolicyRef behaviour) {
    return new TrainingSample(s.kind(), s.game(), s.seat(), s.round(), s.sampleIndex(), s.role(), s.tokenIds(),
        s.behaviourLogProbs(), s.advantage(), behaviour);
  }
}
