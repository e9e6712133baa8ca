package org.visionzero.game.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
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
import org.visionzero.game.outcome.DecisionGames.Reason;
import org.visionzero.game.testing.Games;

class DecisionGamesTest {
  private static final PolicyRef V0 = new PolicyRef("vz", 0);
  private static final List<String> OWN_CLUES = List.of("red cube", "blue ball", "green cone", "red ball");
  /** The spy (seat 2) repeats seat 1. */
  private static final List<String> ECHOED = List.of("red cube", "red cube", "green cone", "red ball");

  @Test
  void shouldCallAGameUnsolvedOnlyWhenItHasVotesAndNoneNamesTheSpy() {
    assertThat(DecisionGames.unsolved(game(OWN_CLUES, 2, 0, 3, 0, 1))).isTrue(); // two wrong, two N/A
    assertThat(DecisionGames.unsolved(game(OWN_CLUES, 2, 3, 3, 3, 3))).isTrue(); // all wrong
    assertThat(DecisionGames.unsolved(game(OWN_CLUES, 2, 0, 0, 2, 0))).isFalse(); // one right
    assertThat(DecisionGames.unsolved(game(OWN_CLUES, 2))).isFalse(); // no votes: nothing to leave out
  }

  @Test
  void shouldLeaveOutEachKindOnlyWhenAskedAndNameTheRepeatingSpyFirst() {
    ScoredTrajectory unsolved = game(OWN_CLUES, 2, 0, 3, 0, 1);
    ScoredTrajectory echoedAndUnsolved = game(ECHOED, 2, 1, 1, 0, 3);
    ScoredTrajectory echoedButSolved = game(ECHOED, 2, 2, 1, 0, 3);
    ScoredTrajectory solved = game(OWN_CLUES, 2, 2, 0, 0, 0);

    assertThat(DecisionGames.defaults().leftOutBecause(unsolved)).contains(Reason.UNSOLVED);
    assertThat(DecisionGames.defaults().leftOutBecause(echoedAndUnsolved)).contains(Reason.REPEATING_SPY);
    assertThat(DecisionGames.defaults().leftOutBecause(echoedButSolved)).contains(Reason.REPEATING_SPY);
    assertThat(DecisionGames.defaults().leftOutBecause(solved)).isEqualTo(Optional.empty());

    DecisionGames onlyRepeating = new DecisionGames(true, false);
    assertThat(onlyRepeating.trains(unsolved)).isTrue();
    assertThat(onlyRepeating.trains(echoedButSolved)).isFalse();
    DecisionGames onlyUnsolved = new DecisionGames(false, true);
    assertThat(onlyUnsolved.trains(echoedButSolved)).isTrue();
    assertThat(onlyUnsolved.leftOutBecause(echoedAndUnsolved)).contains(Reason.UNSOLVED);
    assertThat(DecisionGames.all().trains(unsolved)).isTrue();
    assertThat(DecisionGames.all().trains(echoedAndUnsolved)).isTrue();
  }

  @Test
  void shouldRefuseNoGame() {
    assertThatThrownBy(() -> DecisionGames.defaults().trains(null)).isInstanceOf(NullPointerException.class);
  }

  /** Four players, one round of {@code clues}; the observer's votes in order (0 = N/A), scored against the spy. */
  private static ScoredTrajectory game(List<String> clues, int spySeat, int... votes) {
    List<ScoredClue> scoredClues = new ArrayList<>();
    for (int i = 0; i < clues.size(); i++) {
      int seat = i + 1;
      scoredClues.add(new ScoredClue(seat, 1, seat == spySeat ? Role.SPY : Role.CIVILIAN, clues.get(i),
          new SampledTokens(List.of(), List.of()), V0, 0.0));
    }
    List<ScoredDecision> decisions = new ArrayList<>();
    for (int i = 0; i < votes.length; i++) {
      var sample = Games.vote(0, i, votes[i] == 0 ? VoteKind.ABSTAIN : VoteKind.SEAT, votes[i]);
      decisions.add(new ScoredDecision(sample, V0, votes[i] == spySeat, 0.0, 0.0));
    }
    return ScoredTrajectory.newBuilder()
        .setEventId("g/scored").setOccurredAt(Instant.ofEpochMilli(1)).setGameId("g").setPairId("p")
        .setPurpose(Purpose.TRAINING).setMode("code").setNumPlayers(4).setSpySeat(spySeat)
        .setCivilianPolicy(V0).setSpyPolicy(V0).setDecisionPolicy(V0).setClueRewards(List.of(0.0, 0.0, 0.0, 0.0))
        .setClues(scoredClues).setDecisions(decisions)
        .setOutcome(new Outcome(spySeat, List.of(0, 0, 0, 0), 0, 0, 0, Winner.SPY, 0.0))
        .setTags(Map.of()).build();
  }
}
