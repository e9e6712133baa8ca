package org.visionzero.trainer.batch;

import org.visionzero.deadletter.InvalidRecordException;
import org.visionzero.events.ScoredClue;
import org.visionzero.events.ScoredDecision;
import org.visionzero.events.ScoredTrajectory;

/**
 * Refuses a trajectory the trainer could not train on, before it enters a batch, so one malformed record goes
 * to the dead letters instead of failing a whole step over and over after every restart.
 */
public final class TrajectoryCheck {
  private TrajectoryCheck() {}

  /** Throws {@link InvalidRecordException} (an {@link IllegalArgumentException}) saying what is wrong; returns the trajectory when it is usable. */
  public static ScoredTrajectory validate(ScoredTrajectory game) {
    String id = game.getGameId();
    int players = game.getNumPlayers();
    if (game.getClueRewards().size() != players) {
      throw new InvalidRecordException("rewards-mismatch", "game " + id + " has " + game.getClueRewards().size()
          + " clue rewards for " + players + " players");
    }
    if (game.getSpySeat() < 1 || game.getSpySeat() > players) {
      throw new InvalidRecordException("seat-out-of-range", "game " + id + " has spy seat " + game.getSpySeat()
          + " outside 1.." + players);
    }
    for (double reward : game.getClueRewards()) {
      requireFinite(id, "clue reward", reward);
    }
    for (ScoredClue clue : game.getClues()) {
      if (clue.getSeat() < 1 || clue.getSeat() > players) {
        throw new InvalidRecordException("seat-out-of-range", "game " + id + " has a clue of seat "
            + clue.getSeat());
      }
      requireSameLength(id, "clue " + clue.getSeat() + "/" + clue.getRound(),
          clue.getSample().getTokenIds().size(), clue.getSample().getLogProbs().size());
    }
    for (ScoredDecision decision : game.getDecisions()) {
      requireFinite(id, "decision reward", decision.getReward());
      requireFinite(id, "decision advantage", decision.getAdvantage());
      var sample = decision.getDecision().getSample();
      requireSameLength(id, "decision " + decision.getDecision().getSampleIndex(), sample.getTokenIds().size(),
          sample.getLogProbs().size());
    }
    return game;
  }

  private static void requireFinite(String id, String what, double value) {
    if (!Double.isFinite(value)) {
      throw new InvalidRecordException("reward-not-finite", "game " + id + " has a non-finite " + what + ": "
          + value);
    }
  }

  private static void requireSameLength(String id, String what, int tokens, int logProbs) {
    if (tokens != logProbs) {
      throw new InvalidRecordException("log-probs-mismatch", "game " + id + ", " + what + ": " + tokens
          + " tokens but " + logProbs + " log-probs");
    }
  }
}
