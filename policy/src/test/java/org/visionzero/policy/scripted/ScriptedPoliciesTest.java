package org.visionzero.policy.scripted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.visionzero.events.Role;
import org.visionzero.events.VoteKind;
import org.visionzero.game.view.TurnView;
import org.visionzero.game.view.VisibleClue;
import org.visionzero.policy.AvroAnswers;
import org.visionzero.policy.ClueAnswer;
import org.visionzero.policy.DecisionAnswer;
import org.visionzero.policy.PolicyTurn;
import org.visionzero.policy.TestTurns;
import org.visionzero.policy.Vocabulary;
import org.visionzero.policy.Vote;
import org.visionzero.policy.scene.SceneFacts;
import org.visionzero.policy.scene.SceneFactsTestData;

class ScriptedPoliciesTest {
  private final Vocabulary vocabulary = Vocabulary.standard();
  private final SceneFacts facts = SceneFacts.parse(SceneFactsTestData.JSON);

  @Test
  void shouldDescribeWholeOriginalWhenOracleIsCivilian() {
    OraclePolicy oracle = new OraclePolicy(vocabulary);
    ClueAnswer clue = oracle.clues(List.of(new PolicyTurn(
        TestTurns.clue(1, 1, Role.CIVILIAN, 4, List.of(), 1), null, facts))).get(0);
    assertThat(clue.text()).isEqualTo("blue sphere gray cylinder red cube");
    assertThat(clue.tokenIds()).endsWith(Vocabulary.EOS_ID);
  }

  @Test
  void shouldFindSpyWhoseCluesOmitChangedObjects() {
    OraclePolicy oracle = new OraclePolicy(vocabulary);
    ClueAnswer civilian = oracle.clues(List.of(new PolicyTurn(
        TestTurns.clue(1, 1, Role.CIVILIAN, 4, List.of(), 1), null, facts))).get(0);
    ClueAnswer spy = oracle.clues(List.of(new PolicyTurn(
        TestTurns.clue(3, 1, Role.SPY, 4, List.of(), 1), null, facts))).get(0);
    assertThat(spy.text()).isEqualTo("gray cylinder");
    List<VisibleClue> history = List.of(
        TestTurns.said(1, 1, civilian.text()), TestTurns.said(2, 1, civilian.text()),
        TestTurns.said(3, 1, spy.text()), TestTurns.said(4, 1, civilian.text()));
    DecisionAnswer answer = oracle.decisions(List.of(
        new PolicyTurn(TestTurns.observer(4, history, 8, 5), null, facts))).get(0);
    assertThat(answer.samples()).hasSize(8).allSatisfy(v -> assertThat(v.seat()).isEqualTo(3));
  }

  @Test
  void shouldAbstainWhenNoSeatStandsOut() {
    OraclePolicy oracle = new OraclePolicy(vocabulary);
    List<VisibleClue> history = List.of(TestTurns.said(1, 1, "red cube"), TestTurns.said(2, 1, "red cube"));
    DecisionAnswer answer = oracle.decisions(List.of(
        new PolicyTurn(TestTurns.observer(2, history, 1, 5), null, facts))).get(0);
    assertThat(answer.samples().get(0).kind()).isEqualTo(VoteKind.ABSTAIN);
  }

  @Test
  void shouldRefuseOracleTurnWithoutSceneGraph() {
    OraclePolicy oracle = new OraclePolicy(vocabulary);
    PolicyTurn withoutFacts = PolicyTurn.of(TestTurns.clue(1, 1, Role.CIVILIAN, 4, List.of(), 1), null);
    assertThatThrownBy(() -> oracle.clues(List.of(withoutFacts)))
        .hasMessageContaining("scene graph");
  }

  @Test
  void shouldReproduceRandomAnswersForSameSeedAndNeverVoteOwnSeat() {
    RandomPolicy random = new RandomPolicy(vocabulary);
    TurnView view = TestTurns.clue(2, 1, Role.CIVILIAN, 4, List.of(), 42);
    ClueAnswer a = random.clues(List.of(PolicyTurn.of(view, null))).get(0);
    ClueAnswer b = random.clues(List.of(PolicyTurn.of(view, null))).get(0);
    assertThat(a.tokenIds()).isEqualTo(b.tokenIds());
    assertThat(a.logProbs()).containsExactly(b.logProbs());

    TurnView vote = new TurnView("g", 8, 1, org.visionzero.events.TurnKind.DECISION, 2, 0, Role.CIVILIAN, 4, null,
        "", List.of(), List.of(), 50, 0.8f, 7, TestTurns.ANY_POLICY);
    List<Vote> votes = random.decisions(List.of(PolicyTurn.of(vote, null))).get(0).samples();
    assertThat(votes).hasSize(50).allSatisfy(v -> {
      assertThat(v.seat()).isBetween(1, 4).isNotEqualTo(2);
      assertThat(v.logProbs()[0]).isEqualTo((float) -Math.log(3), org.assertj.core.data.Offset.offset(1e-6f));
    });
  }

  @Test
  void shouldMapAnswersToAvroPayloads() {
    RandomPolicy random = new RandomPolicy(vocabulary);
    TurnView view = TestTurns.observer(4, List.of(), 3, 9);
    DecisionAnswer answer = random.decisions(List.of(PolicyTurn.of(view, null))).get(0);
    var payload = AvroAnswers.toDecisionSampled(view, answer, "w1");
    assertThat(payload.getSamples()).hasSize(3);
    assertThat(payload.getSamples().get(2).getSampleIndex()).isEqualTo(2);
    assertThat(payload.getSamples().get(0).getSample().getTokenIds())
        .containsExactly(answer.samples().get(0).seat());
    assertThatThrownBy(() -> AvroAnswers.toClueGiven(view, null, "w1")).hasMessageContaining("DECISION");
  }
}
