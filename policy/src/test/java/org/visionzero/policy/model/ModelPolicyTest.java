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
    assertRescoredToBehaviour(model, clueTurns, clues);
    try (NDManager m = model.newStepManager()) {
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
  void givenEchoingIsCertain_thenEveryTurnWithAnEarlierClueRepeatsTheLatestAndRescoresToIt() {
    try (VzModel echoing = modelWithEchoLogit(20f); ModelPolicy certain = new ModelPolicy(echoing, false)) {
      List<PolicyTurn> turns = TestGames.clueTurns(4); // seats 1..4: seat 1 has no earlier clue
      List<ClueAnswer> answers = certain.clues(turns);

      for (int i = 1; i < turns.size(); i++) {
        var history = turns.get(i).view().history();
        String latest = history.get(history.size() - 1).text();
        assertThat(answers.get(i).text()).isEqualTo(latest);
        double clue = 0;
        for (float lp : answers.get(i).logProbs()) {
          clue += lp;
        }
        assertThat(clue).isCloseTo(0.0, within(1e-4)); // π ≈ 1
      }
      assertThat(answers.get(0).text()).isNotEqualTo(
          String.join(" ", turns.get(1).view().history().get(0).text())); // generated, not echoed
      assertRescoredToBehaviour(echoing, turns, answers);
    }
  }

  @Test
  void givenThePriorEchoProbability_thenSampledCluesRescoreToTheirBehaviourLogProbs() {
    List<PolicyTurn> turns = new ArrayList<>();
    for (int k = 0; k < 8; k++) {
      turns.addAll(TestGames.clueTurns(4));
    }
    List<PolicyTurn> distinct = new ArrayList<>();
    for (int i = 0; i < turns.size(); i++) {
      var v = turns.get(i).view();
      distinct.add(new PolicyTurn(new org.visionzero.game.view.TurnView(v.gameId() + "-" + i, v.turn(), v.attempt(),
          v.kind(), v.seat(), v.round(), v.role(), v.numPlayers(), v.image(), v.spyHint(), v.history(),
          v.ownReasoning(), v.samples(), v.temperature(), v.samplingSeed() + 7919L * i, v.policy()),
          turns.get(i).image(), turns.get(i).facts()));
    }
    try (VzModel prior = modelWithEchoLogit(
        (float) Math.log(ModelConfig.ECHO_PRIOR / (1 - ModelConfig.ECHO_PRIOR)));
        ModelPolicy sampler = new ModelPolicy(prior, false)) {
      List<ClueAnswer> answers = sampler.clues(distinct);
      assertRescoredToBehaviour(prior, distinct, answers);
    }
  }

  private static VzModel modelWithEchoLogit(float logit) {
    java.util.Map<String, float[]> values = model.parameters().values();
    java.util.Arrays.fill(values.get(ParameterSet.ECHO_LOGITS), logit);
    return VzModel.fromValues(model.config(), model.vocabulary(), values, 0, Device.cpu());
  }

  private static void assertRescoredToBehaviour(VzModel scorer, List<PolicyTurn> turns, List<ClueAnswer> clues) {
    try (NDManager m = scorer.newStepManager()) {
      List<SampleScorer.ClueSample> samples = new ArrayList<>();
      for (int i = 0; i < clues.size(); i++) {
        samples.add(new SampleScorer.ClueSample(turns.get(i), clues.get(i).tokenIds()));
      }
      float[] rescored = SampleScorer.clueLogProbs(scorer, m, samples).logProbs().toFloatArray();
      int width = rescored.length / clues.size();
      for (int i = 0; i < clues.size(); i++) {
        float[] behaviour = clues.get(i).logProbs();
        for (int t = 0; t < behaviour.length; t++) {
          assertThat(rescored[i * width + t]).isCloseTo(behaviour[t], within(1e-4f));
        }
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
