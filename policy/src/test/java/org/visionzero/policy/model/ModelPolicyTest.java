package org.visionzero.policy.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.visionzero.events.VoteKind;
import org.visionzero.policy.ClueAnswer;
import org.visionzero.policy.DecisionAnswer;
import org.visionzero.policy.PolicyTurn;
import org.visionzero.policy.Vocabulary;
import org.visionzero.policy.Vote;
import org.visionzero.policy.testing.TestGames;
import org.visionzero.policy.train.SampleScorer;

class ModelPolicyTest {
  private static VzModel model;
  private static ModelPolicy policy;

  @BeforeAll
  static void createModel() {
    Vocabulary vocabulary = Vocabulary.standard();
    model = VzModel.create(ModelConfig.standard(vocabulary.size()), vocabulary, 3, Device.cpu());
    policy = new ModelPolicy(model, true);
  }

  @AfterAll
  static void closeModel() {
    policy.close();
  }

  @Test
  void shouldSampleBoundedCluesOfContentWordsWithLogProbs() {
    List<ClueAnswer> answers = policy.clues(TestGames.clueTurns(6));
    assertThat(answers).hasSize(6).allSatisfy(a -> {
      assertThat(a.tokenIds()).isNotEmpty().hasSizeLessThanOrEqualTo(model.config().maxClueTokens());
      assertThat(a.tokenIds()).doesNotContain(Vocabulary.PAD_ID, Vocabulary.BOS_ID, Vocabulary.UNK_ID);
      for (float lp : a.logProbs()) {
        assertThat(lp).isLessThanOrEqualTo(0f);
      }
      assertThat(a.text()).isEqualTo(model.vocabulary().decode(a.tokenIds()));
      assertThat(a.policy().getName()).isEqualTo(VzModel.POLICY_NAME);
    });
  }

  @Test
  void shouldAnswerATurnTheSameAloneOrInABatch() {
    List<PolicyTurn> turns = TestGames.clueTurns(5);
    ClueAnswer inBatch = policy.clues(turns).get(3);
    ClueAnswer alone = policy.clues(List.of(turns.get(3))).get(0);
    assertThat(alone.tokenIds()).isEqualTo(inBatch.tokenIds());
    assertThat(alone.logProbs()).containsExactly(inBatch.logProbs(), within(1e-5f));
  }

  @Test
  void shouldDrawGVotesOverSeatsOrAbstention() {
    List<DecisionAnswer> answers = policy.decisions(TestGames.observerTurns(2, 8));
    assertThat(answers).allSatisfy(a -> assertThat(a.samples()).hasSize(8).allSatisfy(v -> {
      assertThat(v.kind()).isIn(VoteKind.SEAT, VoteKind.ABSTAIN);
      assertThat(v.seat()).isBetween(0, 4);
      assertThat(v.tokenIds()).containsExactly(v.seat());
      assertThat(v.logProbs()[0]).isLessThanOrEqualTo(0f);
    }));
  }

  @Test
  void shouldRescoreSampledTokensToTheirBehaviourLogProbs() {
    List<PolicyTurn> clueTurns = TestGames.clueTurns(4);
    List<ClueAnswer> clues = policy.clues(clueTurns);
    List<PolicyTurn> decisionTurns = TestGames.observerTurns(2, 4);
    List<DecisionAnswer> decisions = policy.decisions(decisionTurns);
    try (NDManager m = model.newStepManager()) {
      List<SampleScorer.ClueSample> clueSamples = new ArrayList<>();
      for (int i = 0; i < clues.size(); i++) {
        clueSamples.add(new SampleScorer.ClueSample(clueTurns.get(i), clues.get(i).tokenIds()));
      }
      float[] rescored = SampleScorer.clueLogProbs(model, m, clueSamples).logProbs().toFloatArray();
      int width = rescored.length / clues.size();
      for (int i = 0; i < clues.size(); i++) {
        float[] behaviour = clues.get(i).logProbs();
        for (int t = 0; t < behaviour.length; t++) {
          assertThat(rescored[i * width + t]).isCloseTo(behaviour[t], within(1e-4f));
        }
      }
      List<SampleScorer.DecisionSample> voteSamples = new ArrayList<>();
      List<Float> expected = new ArrayList<>();
      for (int i = 0; i < decisions.size(); i++) {
        for (Vote v : decisions.get(i).samples()) {
          voteSamples.add(new SampleScorer.DecisionSample(decisionTurns.get(i), v.tokenIds().get(0)));
          expected.add(v.logProbs()[0]);
        }
      }
      float[] votes = SampleScorer.decisionLogProbs(model, m, voteSamples).logProbs().toFloatArray();
      for (int i = 0; i < votes.length; i++) {
        assertThat(votes[i]).isCloseTo(expected.get(i), within(1e-4f));
      }
    }
  }

  @Test
  void shouldRefuseDecisionTurnOnClueMethod() {
    assertThatThrownBy(() -> policy.clues(TestGames.observerTurns(1, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DECISION");
  }
}
