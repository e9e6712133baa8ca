package org.visionzero.policy.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.Role;
import org.visionzero.game.view.VisibleClue;
import org.visionzero.policy.ClueAnswer;
import org.visionzero.policy.DecisionAnswer;
import org.visionzero.policy.Policy;
import org.visionzero.policy.PolicyTurn;
import org.visionzero.policy.testing.TestSceneDrawer;

class SimulatedGamesTest {

  /** Says its own word on every clue turn, and records the roles it was asked to play, call by call. */
  private record Speaker(String word, List<Role> roles, List<Set<Role>> calls) implements Policy {
    Speaker(String word) {
      this(word, new ArrayList<>(), new ArrayList<>());
    }

    @Override
    public PolicyRef ref() {
      return new PolicyRef(word, 0);
    }

    @Override
    public List<ClueAnswer> clues(List<PolicyTurn> turns) {
      turns.forEach(turn -> roles.add(turn.view().role()));
      calls.add(turns.stream().map(turn -> turn.view().role()).collect(Collectors.toSet()));
      return turns.stream().map(turn -> new ClueAnswer(word, List.of(), new float[0], ref())).toList();
    }

    @Override
    public List<DecisionAnswer> decisions(List<PolicyTurn> turns) {
      throw new UnsupportedOperationException("clue stage only");
    }
  }

  @Test
  void givenOnePolicyPerSide_thenEachPlaysOnlyItsSidesSeatsInSeatOrder() {
    Speaker civilians = new Speaker("civilian");
    Speaker spy = new Speaker("spy");

    List<SimulatedGames.Game> games = SimulatedGames.playClues(civilians, spy, new TestSceneDrawer(), 40L, 6, 4, 2,
        0.8f);

    assertThat(civilians.roles()).hasSize(6 * 3 * 2).containsOnly(Role.CIVILIAN);
    assertThat(spy.roles()).hasSize(6 * 2).containsOnly(Role.SPY);
    for (SimulatedGames.Game game : games) {
      assertThat(game.clues()).hasSize(8);
      assertThat(game.clues()).extracting(VisibleClue::seat).containsExactly(1, 2, 3, 4, 1, 2, 3, 4);
      for (VisibleClue clue : game.clues()) {
        assertThat(clue.text()).isEqualTo(clue.seat() == game.spySeat() ? "spy" : "civilian");
      }
    }
  }

  @Test
  void givenTheSamePolicyForBothSides_thenEachSidesTurnsAreACallOfTheirOwn() {
    Speaker both = new Speaker("both");

    SimulatedGames.playClues(both, both, new TestSceneDrawer(), 40L, 6, 4, 2, 0.8f);

    assertThat(both.calls()).allMatch(roles -> roles.size() == 1);
    assertThat(both.roles()).hasSize(6 * 4 * 2);
  }

  @Test
  void givenTheSameSeeds_thenTheGamesAndSpySeatsDoNotDependOnWhoPlays() {
    Speaker one = new Speaker("one");
    List<SimulatedGames.Game> alone = SimulatedGames.playClues(one, new TestSceneDrawer(), 40L, 6, 4, 2, 0.8f);
    List<SimulatedGames.Game> split = SimulatedGames.playClues(one, new Speaker("two"), new TestSceneDrawer(), 40L,
        6, 4, 2, 0.8f);

    assertThat(split).extracting(SimulatedGames.Game::spySeat)
        .containsExactlyElementsOf(alone.stream().map(SimulatedGames.Game::spySeat).toList());
    assertThat(split).extracting(SimulatedGames.Game::gameId)
        .containsExactlyElementsOf(alone.stream().map(SimulatedGames.Game::gameId).toList());
  }
}
