package org.visionzero.policy.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.visionzero.events.Role;
import org.visionzero.policy.PolicyTurn;
import org.visionzero.policy.Vocabulary;
import org.visionzero.policy.model.ModelConfig;
import org.visionzero.policy.model.ParameterSet;
import org.visionzero.policy.model.TurnBatch;
import org.visionzero.policy.model.VzModel;
import org.visionzero.policy.testing.TestGames;

/**
 * The clue stage learns when to echo from rewards alone: a spy whose echoed clue is rewarded and whose own clue
 * is punished raises the spy's echo logit through the mixed log-probs, at the echo logits' faster rate, and
 * leaves the other roles' logits as they were.
 */
class EchoLearningTest {
  private static final int STEPS = 5;

  @Test
  void givenRewardedEchoesOfTheSpy_whenTheClueStageSteps_thenOnlyTheSpysEchoLogitRises() {
    Vocabulary vocabulary = Vocabulary.standard();
    try (VzModel model = VzModel.create(ModelConfig.standard(vocabulary.size()), vocabulary, 5, Device.cpu());
        VzModel reference = model.copy()) {
      PolicyTurn spyTurn = TestGames.clueTurns(2).get(1); // seat 2, the spy, after seat 1's clue
      assertThat(spyTurn.view().role()).isEqualTo(Role.SPY);
      List<Integer> echo = new TurnBatch(model.config(), vocabulary,
          List.of(new TurnBatch.Input(spyTurn.view(), spyTurn.image()))).echo(0);
      List<Integer> own = List.of(vocabulary.id("red"), vocabulary.id("cube"), Vocabulary.EOS_ID);
      assertThat(own).isNotEqualTo(echo);
      float[] before = model.parameters().get(ParameterSet.ECHO_LOGITS).toFloatArray();

      try (GrpoStep step = new GrpoStep(model, reference, n -> n.startsWith(ParameterSet.DECODER), 0f, 1f)) {
        for (int s = 0; s < STEPS; s++) {
          List<GrpoStep.ClueItem> items = new ArrayList<>();
          items.add(item(model, spyTurn, echo, 1f));
          items.add(item(model, spyTurn, own, -1f));
          assertThat(step.step(items, List.of(), 1e-4f).finite()).isTrue();
        }
      }

      float[] after = model.parameters().get(ParameterSet.ECHO_LOGITS).toFloatArray();
      // Adam moves a weight by about rate × scale per step: 5 × 1e-4 × 100 = 0.05 at most.
      assertThat(after[1] - before[1]).isBetween(0.02f, 0.06f);
      assertThat(after[0]).isEqualTo(before[0]);
      assertThat(after[2]).isEqualTo(before[2]);
    }
  }

  /** A clue sample played by the current weights (behaviour = policy, ratio 1) with its advantage. */
  private static GrpoStep.ClueItem item(VzModel model, PolicyTurn turn, List<Integer> tokens, float advantage) {
    SampleScorer.ClueSample sample = new SampleScorer.ClueSample(turn, tokens);
    try (NDManager m = model.newStepManager()) {
      float[] row = SampleScorer.clueLogProbs(model, m, List.of(sample)).logProbs().toFloatArray();
      return new GrpoStep.ClueItem(sample, java.util.Arrays.copyOf(row, tokens.size()), advantage);
    }
  }
}
