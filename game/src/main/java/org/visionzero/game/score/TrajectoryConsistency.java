package org.visionzero.game.score;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.visionzero.events.DecisionSample;
import org.visionzero.events.Outcome;
import org.visionzero.events.ScoredClue;
import org.visionzero.events.ScoredDecision;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.game.config.GameConfig;
import org.visionzero.game.outcome.Outcomes;
import org.visionzero.game.reward.ClueRewards;
import org.visionzero.game.reward.DecisionRewards;
import org.visionzero.game.reward.GroupNormalization;
import org.visionzero.game.rules.SeatAssignment;

/**
 * Whether a scored trajectory agrees with itself: its outcome, clue rewards, decision rewards and advantages
 * are recomputed from its own decision samples and compared with what it records. Independent of the fold
 * that produced it, so it catches a trajectory whose parts were taken from different answers of one turn.
 */
public final class TrajectoryConsistency {
  /** Rewards are recomputed by the same arithmetic; this only forgives a reordering of float operations. */
  private static final double TOLERANCE = 1e-9;

  private final TrajectoryScorer rules;

  private TrajectoryConsistency(TrajectoryScorer rules) {
    this.rules = rules;
  }

  /** Checks with the reward constants the given scorer uses. */
  public static TrajectoryConsistency of(TrajectoryScorer rules) {
    return new TrajectoryConsistency(Objects.requireNonNull(rules, "rules"));
  }

  /** Every contradiction found, in words; empty when the trajectory is consistent. */
  public List<String> problems(ScoredTrajectory trajectory) {
    Objects.requireNonNull(trajectory, "trajectory");
    List<String> problems = new ArrayList<>();
    int numPlayers = trajectory.getNumPlayers();
    int spySeat = trajectory.getSpySeat();
    if (spySeat < 1 || spySeat > numPlayers) {
      problems.add("spy seat " + spySeat + " is not a seat of a " + numPlayers + "-player game");
      return problems;
    }
    GameConfig config = rules.rulesFor(trajectory.getMode());
    List<DecisionSample> samples = trajectory.getDecisions().stream().map(ScoredDecision::getDecision).toList();
    Outcome recomputed = Outcomes.of(spySeat, numPlayers, samples);
    Outcome recorded = trajectory.getOutcome();
    if (!recomputed.equals(recorded)) {
      problems.add("outcome " + describe(recorded) + " is not the tally of its decisions " + describe(recomputed));
    }
    double[] clueRewards = ClueRewards.compute(recomputed.getVotesPerSeat(), spySeat, config.clueBeta(),
        config.clueLambda());
    checkClueRewards(trajectory, clueRewards, problems);
    checkDecisions(trajectory, config, samples, problems);
    return problems;
  }

  /** Throws {@link InconsistentTrajectoryException} naming every contradiction, unless there is none. */
  public ScoredTrajectory requireConsistent(ScoredTrajectory trajectory) {
    List<String> problems = problems(trajectory);
    if (!problems.isEmpty()) {
      throw new InconsistentTrajectoryException(trajectory.getGameId(), problems);
    }
    return trajectory;
  }

  private static void checkClueRewards(ScoredTrajectory trajectory, double[] expected, List<String> problems) {
    List<Double> recorded = trajectory.getClueRewards();
    if (recorded.size() != expected.length) {
      problems.add("clue rewards have " + recorded.size() + " seats, the game " + expected.length);
      return;
    }
    for (int seat = 1; seat <= expected.length; seat++) {
      if (!close(recorded.get(seat - 1), expected[seat - 1])) {
        problems.add("clue reward of seat " + seat + " is " + recorded.get(seat - 1) + ", its votes give "
            + expected[seat - 1]);
      }
    }
    for (ScoredClue clue : trajectory.getClues()) {
      int seat = clue.getSeat();
      if (seat < 1 || seat > expected.length) {
        problems.add("a clue names seat " + seat + ", not a seat of the game");
      } else if (!close(clue.getReward(), expected[seat - 1])) {
        problems.add("the round-" + clue.getRound() + " clue of seat " + seat + " is rewarded " + clue.getReward()
            + ", its seat " + expected[seat - 1]);
      } else if (clue.getRole() != SeatAssignment.roleOf(seat, trajectory.getSpySeat())) {
        problems.add("seat " + seat + " is recorded as " + clue.getRole() + " with the spy at seat "
            + trajectory.getSpySeat());
      }
    }
  }

  private static void checkDecisions(ScoredTrajectory trajectory, GameConfig config, List<DecisionSample> samples,
      List<String> problems) {
    int spySeat = trajectory.getSpySeat();
    int numPlayers = trajectory.getNumPlayers();
    double[] rewards = new double[samples.size()];
    for (int i = 0; i < rewards.length; i++) {
      rewards[i] = DecisionRewards.reward(config.decisionRewardShape(), samples.get(i), spySeat, numPlayers);
    }
    double[] advantages = GroupNormalization.advantages(rewards);
    List<ScoredDecision> decisions = trajectory.getDecisions();
    for (int i = 0; i < rewards.length; i++) {
      ScoredDecision decision = decisions.get(i);
      boolean correct = DecisionRewards.isCorrect(samples.get(i), spySeat, numPlayers);
      if (decision.getCorrect() != correct || !close(decision.getReward(), rewards[i])
          || !close(decision.getAdvantage(), advantages[i])) {
        problems.add("decision sample " + i + " is recorded (correct " + decision.getCorrect() + ", reward "
            + decision.getReward() + ", advantage " + decision.getAdvantage() + "), its vote gives (" + correct
            + ", " + rewards[i] + ", " + advantages[i] + ")");
      }
    }
  }

  private static boolean close(double a, double b) {
    return Math.abs(a - b) <= TOLERANCE * Math.max(1.0, Math.abs(b));
  }

  private static String describe(Outcome outcome) {
    return "(votes " + outcome.getVotesPerSeat() + ", N/A " + outcome.getAbstentions() + ", invalid "
        + outcome.getInvalidVotes() + " of " + outcome.getTotalVotes() + ", " + outcome.getWinner() + ")";
  }
}
