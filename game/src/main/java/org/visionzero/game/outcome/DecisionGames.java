package org.visionzero.game.outcome;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.visionzero.events.ScoredDecision;
import org.visionzero.events.ScoredTrajectory;

/**
 * Which games' decision samples a DECISION step trains on. Two kinds of game can be left out, each for its own reason:
 * <ul>
 *   <li>a <b>repeating spy</b> ({@link ClueRepeats#spyOnlyRepeated}): no observer can find that spy from the images,
 *       so its votes are right or wrong by luck, and once the spy has learnt to echo they are most games;</li>
 *   <li>an <b>unsolved</b> game: no decision sample named the spy. Its centred advantages only rank abstaining above a
 *       wrong vote (code shape: N/A −0.30, wrong −0.90), so each such game pushes the observer towards N/A and no
 *       game of the batch pushes back once the head starts abstaining; a 30-minute run collapsed to N/A this way
 *       while the spy's echoing spread. DAPO's dynamic sampling drops groups in which no sample succeeded for the
 *       same reason: they carry no signal about the task, only about how to fail.</li>
 * </ul>
 * Their clue samples are trained either way.
 *
 * @param skipRepeatingSpy leave out games whose spy only repeated other seats' clues
 * @param skipUnsolved     leave out games in which no decision sample named the spy
 */
public record DecisionGames(boolean skipRepeatingSpy, boolean skipUnsolved) {

  /** Why a game's decisions are left out. */
  public enum Reason {
    REPEATING_SPY,
    UNSOLVED
  }

  /** Every game's decisions are trained. */
  public static DecisionGames all() {
    return new DecisionGames(false, false);
  }

  /** The default: both kinds left out. */
  public static DecisionGames defaults() {
    return new DecisionGames(true, true);
  }

  /** Whether a DECISION step trains this game's decision samples. */
  public boolean trains(ScoredTrajectory game) {
    return leftOutBecause(game).isEmpty();
  }

  /** Why this game's decisions are left out, or empty when they are trained; a repeating spy is named first. */
  public Optional<Reason> leftOutBecause(ScoredTrajectory game) {
    Objects.requireNonNull(game, "game");
    if (skipRepeatingSpy && ClueRepeats.spyOnlyRepeated(game)) {
      return Optional.of(Reason.REPEATING_SPY);
    }
    if (skipUnsolved && unsolved(game)) {
      return Optional.of(Reason.UNSOLVED);
    }
    return Optional.empty();
  }

  /** True when the game has decision samples and none of them named the spy. */
  public static boolean unsolved(ScoredTrajectory game) {
    List<ScoredDecision> decisions = game.getDecisions();
    return !decisions.isEmpty() && decisions.stream().noneMatch(ScoredDecision::getCorrect);
  }
}
