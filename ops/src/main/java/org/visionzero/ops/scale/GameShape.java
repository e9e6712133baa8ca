package org.visionzero.ops.scale;

import org.visionzero.game.config.GameConfig;
import org.visionzero.game.rules.TurnPlan;

/**
 * The turns of one game as the GPU sees them: clue turns, then decision turns of {@code samples} votes each.
 *
 * @param clueTurns     clue turns a game
 * @param decisionTurns decision turns a game
 * @param samples       votes drawn per decision turn
 */
public record GameShape(int clueTurns, int decisionTurns, int samples) {

  public GameShape {
    if (clueTurns < 0 || decisionTurns < 0 || clueTurns + decisionTurns < 1 || samples < 1) {
      throw new IllegalArgumentException("a game needs at least one turn and samples >= 1");
    }
  }

  /** The shape of the games a configuration plays (spy seat 1: the plan's size does not depend on it). */
  public static GameShape of(GameConfig game) {
    TurnPlan plan = TurnPlan.of(game.numPlayers(), game.clueRounds(), 1, game.decisionMode(), game.decisionSamples());
    return new GameShape(plan.clueTurns(), plan.size() - plan.clueTurns(), game.decisionSamples());
  }

  public int turns() {
    return clueTurns + decisionTurns;
  }
}
