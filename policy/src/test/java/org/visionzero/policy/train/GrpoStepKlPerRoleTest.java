package org.visionzero.policy.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.visionzero.events.Role;
import org.visionzero.policy.ClueAnswer;
import org.visionzero.policy.PolicyTurn;
import org.visionzero.policy.model.ModelPolicy;
import org.visionzero.policy.model.ParameterSet;
import org.visionzero.policy.model.VzModel;
import org.visionzero.policy.testing.TestGames;
import org.visionzero.policy.testing.TestModels;

/** The clue samples' KL to the reference is weighted by the speaker's role and reported per role. */
class GrpoStepKlPerRoleTest {

  @Test
  void shouldWeighTheKlOfEachSpeakerRoleByItsOwnBetaAndReportItPerRole() {
    try (VzModel policy = TestModels.standard(6); VzModel reference = TestModels.standard(5);
        GrpoStep step = new GrpoStep(policy, reference, n -> n.startsWith(ParameterSet.DECODER), 0f, 1f)) {
      List<PolicyTurn> turns = TestGames.clueTurns(8); // seats 1..4 twice, the spy at seat 2
      List<ClueAnswer> clues = new ModelPolicy(policy, false).clues(turns);
      List<GrpoStep.ClueItem> items = new ArrayList<>();
      for (int i = 0; i < turns.size(); i++) {
        items.add(new GrpoStep.ClueItem(new SampleScorer.ClueSample(turns.get(i), clues.get(i).tokenIds()),
            clues.get(i).logProbs(), 0f)); // no advantage: the loss is the KL term alone
      }

      GrpoStep.Update none = step.compute(items, List.of(), role -> 0.0, 0f);
      none.discard();
      GrpoStep.Update spyOnly = step.compute(items, List.of(), role -> role == Role.SPY ? 1.0 : 0.0, 0f);
      spyOnly.discard();
      GrpoStep.Update civiliansOnly = step.compute(items, List.of(), role -> role == Role.CIVILIAN ? 1.0 : 0.0, 0f);
      civiliansOnly.discard();

      double spyKl = spyOnly.clueKlByRole().get(Role.SPY);
      double civilianKl = spyOnly.clueKlByRole().get(Role.CIVILIAN);
      assertThat(spyKl).isPositive();
      assertThat(civilianKl).isPositive();
      assertThat(none.metrics().loss()).isZero();
      // Loss = mean over the 8 sequences of β_role × that sequence's KL: 2 spy clues, 6 civilian clues.
      assertThat(spyOnly.metrics().loss()).isCloseTo(2 * spyKl / 8, within(1e-5));
      assertThat(civiliansOnly.metrics().loss())
          .isCloseTo(6 * civilianKl / 8, within(1e-5));
    }
  }
}
