package org.visionzero.game.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.visionzero.game.testing.Games.T0;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.visionzero.events.Outcome;
import org.visionzero.events.ScoredClue;
import org.visionzero.events.ScoredDecision;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.game.config.GameConfig;
import org.visionzero.game.fold.GameCommand;
import org.visionzero.game.fold.GameDecider;
import org.visionzero.game.fold.GameState;
import org.visionzero.game.fold.TurnRequests;
import org.visionzero.game.outcome.Outcomes;
import org.visionzero.game.reward.ClueRewards;
import org.visionzero.game.reward.DecisionRewards;
import org.visionzero.game.reward.GroupNormalization;
import org.visionzero.game.rules.SeatAssignment;
import org.visionzero.game.testing.Games;

/** A scored trajectory is recomputed from its own decision samples; every contradiction is named. */
class TrajectoryConsistencyTest {
  private static final String GAME = "g-consistency";
  private static final TrajectoryConsistency CHECK = TrajectoryConsistency.of(TrajectoryScorer.byGameMode());

  @Test
  void shouldFindEveryScoredGameConsistent() {
    Random random = new Random(11);
    for (int game = 0; game < 200; game++) {
      GameConfig rules = game % 2 == 0 ? GameConfig.code() : GameConfig.paper();
      ScoredTrajectory scored = TrajectoryScorer.byGameMode().score(play(rules, "g-" + game, random));

      assertThat(CHECK.problems(scored)).as("game %d", game).isEmpty();
    }
  }

  @Test
  void shouldNameTheOutcomeAndClueRewardsOfTheIssuesExample() {
    // the decisions vote [2,4,3,1,3,1,3,1] (seat totals [3,1,3,1], spy seat 3), but the outcome and clue rewards
    // are those of another attempt's votes [4,4,2,1,2,4,2,1] (totals [2,3,0,3]), as after the crash in issue 25
    ScoredTrajectory scored = withVotes(3, 2, 4, 3, 1, 3, 1, 3, 1);
    Outcome otherAttempt = Outcomes.of(3, 4, Games.votes(0, 4, 4, 2, 1, 2, 4, 2, 1));
    double[] otherRewards = ClueRewards.compute(otherAttempt.getVotesPerSeat(), 3, 0.1, 0.1);
    ScoredTrajectory mixed = ScoredTrajectory.newBuilder(scored)
        .setOutcome(otherAttempt)
        .setClueRewards(boxed(otherRewards))
        .setClues(scored.getClues().stream()
            .map(clue -> ScoredClue.newBuilder(clue).setReward(otherRewards[clue.getSeat() - 1]).build()).toList())
        .build();

    List<String> problems = CHECK.problems(mixed);

    assertThat(problems).anySatisfy(p -> assertThat(p)
        .contains("outcome (votes [2, 3, 0, 3]").contains("is not the tally of its decisions (votes [3, 1, 3, 1]"));
    assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("clue reward of seat 3 is"));
    assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("the round-1 clue of seat 1 is rewarded"));
    assertThatThrownBy(() -> CHECK.requireConsistent(mixed)).isInstanceOf(InconsistentTrajectoryException.class)
        .hasMessageStartingWith("the trajectory of game " + GAME + " contradicts itself: outcome");
    assertThat(CHECK.problems(scored)).isEmpty();
  }

  @Test
  void shouldNameATamperedDecisionRewardAdvantageOrCorrectness() {
    ScoredTrajectory scored = withVotes(3, 3, 3, 3, 1, 2, 4, 0, 3);
    List<ScoredDecision> tampered = new ArrayList<>(scored.getDecisions());
    tampered.set(3, ScoredDecision.newBuilder(tampered.get(3)).setCorrect(true).build());
    tampered.set(5, ScoredDecision.newBuilder(tampered.get(5)).setAdvantage(0.5).build());

    List<String> problems = CHECK.problems(ScoredTrajectory.newBuilder(scored).setDecisions(tampered).build());

    assertThat(problems).hasSize(2);
    assertThat(problems.get(0)).startsWith("decision sample 3 is recorded (correct true");
    assertThat(problems.get(1)).startsWith("decision sample 5 is recorded").contains("advantage 0.5");
  }

  @Test
  void shouldRefuseASpySeatOutsideTheGame() {
    ScoredTrajectory scored = ScoredTrajectory.newBuilder(withVotes(3, 3, 3, 3, 3, 3, 3, 3, 3)).setSpySeat(7).build();

    assertThat(CHECK.problems(scored)).containsExactly("spy seat 7 is not a seat of a 4-player game");
  }

  /** A consistent code-mode trajectory whose spy is at {@code spySeat}, with these votes (0 = N/A). */
  private static ScoredTrajectory withVotes(int spySeat, int... votes) {
    GameState state = play(GameConfig.code(), GAME, new Random(5));
    ScoredTrajectory any = TrajectoryScorer.byGameMode().score(state);
    List<ScoredDecision> decisions = new ArrayList<>();
    ScoredTrajectory shaped = ScoredTrajectory.newBuilder(any).setSpySeat(spySeat).build();
    for (var sample : Games.votes(0, votes)) {
      decisions.add(new ScoredDecision(sample, Games.REFEREE, false, 0.0, 0.0));
    }
    shaped.setDecisions(decisions);
    // rescore the shaped trajectory by the rules so that it is consistent before a test tampers with it
    Outcome outcome = Outcomes.of(spySeat, 4, Games.votes(0, votes));
    double[] clueRewards = ClueRewards.compute(outcome.getVotesPerSeat(), spySeat, 0.1, 0.1);
    double[] rewards = new double[votes.length];
    for (int i = 0; i < votes.length; i++) {
      rewards[i] = DecisionRewards.reward(GameConfig.DecisionRewardShape.CODE,
          decisions.get(i).getDecision(), spySeat, 4);
    }
    double[] advantages = GroupNormalization.advantages(rewards);
    for (int i = 0; i < votes.length; i++) {
      ScoredDecision d = decisions.get(i);
      d.setCorrect(DecisionRewards.isCorrect(d.getDecision(), spySeat, 4));
      d.setReward(rewards[i]);
      d.setAdvantage(advantages[i]);
    }
    shaped.setOutcome(outcome);
    shaped.setClueRewards(boxed(clueRewards));
    shaped.setClues(shaped.getClues().stream().map(clue -> ScoredClue.newBuilder(clue)
        .setReward(clueRewards[clue.getSeat() - 1]).setRole(SeatAssignment.roleOf(clue.getSeat(), spySeat)).build())
        .toList());
    return shaped;
  }

  private static GameState play(GameConfig rules, String gameId, Random random) {
    GameDecider decider = new GameDecider(rules);
    GameState state = decider.decide(GameState.empty(), Games.start(gameId, random.nextLong()))
        .applyTo(GameState.empty());
    while (state.isRunning()) {
      var request = TurnRequests.pending(state, rules).get(0);
      var answer = Games.answer(request, random, T0.plusSeconds(request.getTurn()));
      state = decider.decide(state, GameCommand.recordAnswer(answer)).applyTo(state);
    }
    return state;
  }

  private static List<Double> boxed(double[] values) {
    List<Double> list = new ArrayList<>();
    for (double value : values) {
      list.add(value);
    }
    return list;
  }
}
