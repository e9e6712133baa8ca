package org.visionzero.policy.scripted;

import org.visionzero.events.TurnKind;
import org.visionzero.game.view.TurnView;

/** Checks shared by the scripted policies. */
final class ScriptedTurns {
  private ScriptedTurns() {}

  static TurnView requireKind(TurnView view, TurnKind kind) {
    if (view.kind() != kind) {
      throw new IllegalArgumentException("turn " + view.gameId() + "/" + view.turn() + " is a " + view.kind()
          + " turn, but was passed to the " + kind + " method");
    }
    return view;
  }
}
