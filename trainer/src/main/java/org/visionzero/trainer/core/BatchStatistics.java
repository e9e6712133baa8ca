package org.visionzero.trainer.core;

import java.util.List;
import org.visionzero.events.ScoredClue;
import org.visionzero.events.ScoredDecision;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.events.VoteKind;
import org.visionzero.events.Winner;

/**
 * What one step's batch says about play, independent of which samples are trained.
 *
 * @param meanDecisionReward mean decision reward over all decision samples
 * @param decisionAccuracy   share of decision samples naming the spy
 * @param naRate             share of N/A decision samples
 * @param invalidRate        share of invalid decision samples
 * @param meanClueLength     mean clue length in tokens
 * @param spyWinRate         share of games the spy won
 */
public record BatchStatistics(
    double meanDecisionReward,
    double decisionAccuracy,
    double naRate,
    double invalidRate,
    double meanClueLength,
    double spyWinRate) {

  public static BatchStatistics of(List<ScoredTrajectory> games) {
    int decisions = 0;
    int correct = 0;
    int abstained = 0;
    int invalid = 0;
    double rewardSum = 0;
    int clues = 0;
    long clueTokens = 0;
    int spyWins = 0;
    for (ScoredTrajectory game : games) {
      for (ScoredDecision decision : game.getDecisions()) {
        decisions++;
        rewardSum += decision.getReward();
        correct += decision.getCorrect() ? 1 : 0;
        VoteKind kind = decision.getDecision().getVoteKind();
        abstained += kind == VoteKind.ABSTAIN ? 1 : 0;
        invalid += kind == VoteKind.INVALID ? 1 : 0;
      }
      for (ScoredClue clue : game.getClues()) {
        clues++;
        clueTokens += clue.getSample().getTokenIds().size();
      }
      spyWins += game.getOutcome().getWinner() == Winner.SPY ? 1 : 0;
    }
    return new BatchStatistics(ratio(rewardSum, decisions), ratio(correct, decisions), ratio(abstained, decisions),
        ratio(invalid, decisions), ratio(clueTokens, clues), ratio(spyWins, games.size()));
  }

  private static double ratio(double part, int whole) {
    return whole == 0 ? 0 : part / whole;
  }
}
