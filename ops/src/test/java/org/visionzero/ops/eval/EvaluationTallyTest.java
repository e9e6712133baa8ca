package org.visionzero.ops.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.visionzero.events.DecisionSample;
import org.visionzero.events.Outcome;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.Purpose;
import org.visionzero.events.Role;
import org.visionzero.events.SampledTokens;
import org.visionzero.events.ScoredClue;
import org.visionzero.events.ScoredDecision;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.events.VoteKind;
import org.visionzero.events.Winner;
import org.visionzero.policy.scene.SceneFacts;
import org.visionzero.policy.scene.SceneObject;

class EvaluationTallyTest {

  private static final String RUN = "run-a";
  private static final PolicyRef V0 = new PolicyRef("vz", 0);
  private static final SceneFacts SCENE = new SceneFacts(64, 64,
      List.of(new SceneObject(1, "cube", "red", "", "", 10, 10, 4)),
      List.of(new SceneObject(1, "sphere", "red", "", "", 10, 10, 4)), Set.of(1));

  private final EvaluationTally tally = new EvaluationTally(RUN, pairId -> Optional.of(SCENE));
  private int games;

  @Test
  void shouldMeasureDecisionAccuracyAndNaRateOverDecisionSamples() {
    tally.add(game(EvalArm.DECISION, 3, Winner.CIVILIANS, List.of(VoteKind.SEAT, VoteKind.SEAT, VoteKind.ABSTAIN),
        List.of(true, true, false)));
    tally.add(game(EvalArm.DECISION, 3, Winner.SPY, List.of(VoteKind.SEAT), List.of(false)));
    tally.add(game(EvalArm.NO_IMAGE, 3, Winner.SPY, List.of(VoteKind.SEAT, VoteKind.SEAT), List.of(true, false)));

    VersionResult result = tally.result(3).orElseThrow();

    assertThat(result.decisionAccuracy()).isEqualTo(new Proportion(2, 4));
    assertThat(result.naRate()).isEqualTo(new Proportion(1, 4));
    assertThat(result.noImageAccuracy()).isEqualTo(new Proportion(1, 2));
    assertThat(result.games()).isEqualTo(3);
  }

  @Test
  void shouldCountWinsOfTheEvaluatedSideInBothRoles() {
    tally.add(game(EvalArm.CLUE_AS_SPY, 5, Winner.SPY, List.of(), List.of()));
    tally.add(game(EvalArm.CLUE_AS_SPY, 5, Winner.CIVILIANS, List.of(), List.of()));
    tally.add(game(EvalArm.CLUE_AS_CIVILIANS, 5, Winner.CIVILIANS, List.of(), List.of()));
    tally.add(game(EvalArm.PAPER_AS_CIVILIANS, 5, Winner.SPY, List.of(), List.of()));

    VersionResult result = tally.result(5).orElseThrow();

    assertThat(result.clueWinRate()).isEqualTo(new Proportion(2, 3));
    assertThat(result.clueWinsAsSpy()).isEqualTo(new Proportion(1, 2));
    assertThat(result.clueWinsAsCivilians()).isEqualTo(new Proportion(1, 1));
    assertThat(result.paperWinRate()).isEqualTo(new Proportion(0, 1));
    assertThat(result.refereeVersion()).isEqualTo(2);
  }

  @Test
  void shouldMeasureFidelityOfTheEvaluatedCiviliansCluesOnly() {
    tally.add(game(EvalArm.CLUE_AS_CIVILIANS, 1, Winner.SPY, List.of(), List.of()));
    tally.add(game(EvalArm.CLUE_AS_SPY, 1, Winner.SPY, List.of(), List.of()));

    // each game has a civilian clue "red cube" (true) and "blue cube" (false), and a spy clue
    assertThat(tally.result(1).orElseThrow().clueFidelity().value()).isCloseTo(0.5, within(1e-12));
    assertThat(tally.result(1).orElseThrow().clueFidelity().count()).isEqualTo(2);
  }

  @Test
  void shouldCountTheEvaluatedSpysCluesThatRepeatTheLatestClueOfAnotherSeat() {
    List<ScoredClue> echoing = List.of(clue(1, 1, Role.CIVILIAN, "red cube"), clue(2, 1, Role.CIVILIAN, "blue cube"),
        clue(3, 1, Role.SPY, "blue cube"), clue(1, 2, Role.CIVILIAN, "red cube"), clue(2, 2, Role.CIVILIAN, "red cube"),
        clue(3, 2, Role.SPY, "blue cube")); // round 2: the latest other clue is "red cube", so not an echo
    tally.add(game(EvalArm.CLUE_AS_SPY, 4, Winner.SPY, List.of(), List.of(), echoing));
    tally.add(game(EvalArm.CLUE_AS_CIVILIANS, 4, Winner.CIVILIANS, List.of(), List.of(), echoing));

    // Only the arm where the evaluated version is the spy counts: 1 of its 2 spy clues echoes.
    assertThat(tally.result(4).orElseThrow().spyEchoRate()).isEqualTo(new Proportion(1, 2));
  }

  @Test
  void shouldIgnoreOtherRunsAndCountEachGameOnce() {
    ScoredTrajectory game = game(EvalArm.DECISION, 1, Winner.SPY, List.of(VoteKind.SEAT), List.of(true));
    ScoredTrajectory foreign = game(EvalArm.DECISION, 1, Winner.SPY, List.of(VoteKind.SEAT), List.of(true));
    foreign.setTags(Map.of(EvalTags.RUN, "another-run", EvalTags.ARM, "decision", EvalTags.VERSION, "1"));

    assertThat(tally.add(game)).isTrue();
    assertThat(tally.add(game)).isFalse();
    assertThat(tally.add(foreign)).isFalse();
    assertThat(tally.games()).isEqualTo(1);
    assertThat(tally.results()).extracting(VersionResult::version).containsExactly(1);
  }

  private ScoredTrajectory game(EvalArm arm, int version, Winner winner, List<VoteKind> votes,
      List<Boolean> correct) {
    return game(arm, version, winner, votes, correct, List.of(clue(1, 1, Role.CIVILIAN, "red cube"),
        clue(2, 1, Role.CIVILIAN, "blue cube"), clue(3, 1, Role.SPY, "red sphere")));
  }

  private ScoredTrajectory game(EvalArm arm, int version, Winner winner, List<VoteKind> votes,
      List<Boolean> correct, List<ScoredClue> clues) {
    PolicyRef evaluated = new PolicyRef("vz", version);
    PolicyRef referee = new PolicyRef("vz", 2);
    List<ScoredDecision> decisions = new ArrayList<>();
    for (int i = 0; i < votes.size(); i++) {
      decisions.add(new ScoredDecision(new DecisionSample(0, i, votes.get(i), 1, "", "", true,
          new SampledTokens(List.of(), List.of())), evaluated, correct.get(i), 0.0, 0.0));
    }
    games++;
    return ScoredTrajectory.newBuilder()
        .setEventId("t" + games).setOccurredAt(Instant.EPOCH).setGameId("g" + games).setPairId("p")
        .setPurpose(Purpose.EVALUATION).setMode("code").setNumPlayers(4).setSpySeat(3)
        .setCivilianPolicy(arm.civilians(evaluated, V0, referee)).setSpyPolicy(arm.spy(evaluated, V0, referee))
        .setDecisionPolicy(arm.decision(evaluated, V0, referee)).setClueRewards(List.of()).setClues(clues)
        .setDecisions(decisions)
        .setOutcome(new Outcome(3, List.of(), 0, 0, 0, winner, 0.0))
        .setBlankDecisionImage(arm.blankDecisionImage())
        .setTags(new EvalTags(RUN, arm, version, arm.needsReferee() ? 2 : EvalTags.NO_REFEREE).toMap())
        .build();
  }

  private static ScoredClue clue(int seat, int round, Role role, String text) {
    return new ScoredClue(seat, round, role, text, new SampledTokens(List.of(), List.of()), V0, 0.0);
  }
}
