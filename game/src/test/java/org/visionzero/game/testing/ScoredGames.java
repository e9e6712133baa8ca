package org.visionzero.game.testing;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.events.TurnRequested;
import org.visionzero.game.config.GameConfig;
import org.visionzero.game.fold.Decision;
import org.visionzero.game.fold.GameCommand;
import org.visionzero.game.fold.GameDecider;
import org.visionzero.game.fold.GameState;
import org.visionzero.game.score.TrajectoryScorer;

/** Scored trajectories for tests: a code-mode game played through the real fold and scorer. */
public final class ScoredGames {
  private static final ScoredTrajectory PLAYED = play();

  private ScoredGames() {}

  /** The played game under another id, with the given spy seat and raw clue rewards (one per seat). */
  public static ScoredTrajectory game(String gameId, int spySeat, List<Double> clueRewards) {
    return ScoredTrajectory.newBuilder(PLAYED).setGameId(gameId).setSpySeat(spySeat).setClueRewards(clueRewards)
        .build();
  }

  /** The played game (4 players, 8 random votes). */
  public static ScoredTrajectory played() {
    return PLAYED;
  }

  /** A game played through the real fold and scored under other rules (e.g. more players or rounds). */
  public static ScoredTrajectory played(GameConfig rules) {
    return play(rules);
  }

  private static ScoredTrajectory play() {
    return play(GameConfig.code());
  }

  private static ScoredTrajectory play(GameConfig rules) {
    GameDecider decider = new GameDecider(rules);
    Decision start = decider.decide(GameState.empty(), Games.start("g", 7));
    GameState state = start.applyTo(GameState.empty());
    Deque<TurnRequested> due = new ArrayDeque<>(start.turnRequests());
    Random random = new Random(7);
    while (!due.isEmpty()) {
      Decision answered = decider.decide(state, GameCommand.recordAnswer(Games.answer(due.poll(), random, Games.T0)));
      state = answered.applyTo(state);
      due.addAll(answered.turnRequests());
    }
    return TrajectoryScorer.withConfig(rules).score(state);
  }
}
