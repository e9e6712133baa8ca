package org.visionzero.logtools.export;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.visionzero.events.ClueGiven;
import org.visionzero.events.DecisionSampled;
import org.visionzero.events.GameEvent;
import org.visionzero.game.fold.GameEvolver;
import org.visionzero.game.fold.GameState;
import org.visionzero.game.text.PromptBuilder;
import org.visionzero.game.view.TurnView;
import org.visionzero.game.view.TurnViews;

/**
 * Rebuilds, for every accepted answer of a game, the view its seat had: the log is folded event by event,
 * and just before an answer is accepted its turn is due, so the game module builds the same view (and prompt)
 * the coordinator sent. Keys: {@code clue/<seat>/<round>} and {@code decision/<voterSeat>}.
 */
final class TurnContexts {
  /** The prompt does not depend on the sampling temperature; the view only needs a value. */
  private static final float ANY_TEMPERATURE = 1.0f;

  private TurnContexts() {}

  static Map<String, TurnContext> of(List<GameEvent> events) {
    Map<String, TurnContext> contexts = new HashMap<>();
    GameState state = GameState.empty();
    for (GameEvent event : events) {
      GameState after = GameEvolver.evolve(state, event);
      boolean accepted = !after.equals(state);
      if (accepted && event.getPayload() instanceof ClueGiven clue) {
        TurnView view = TurnViews.forPendingTurn(state, clue.getTurn(), ANY_TEMPERATURE);
        String completion = clue.getRawOutput().isBlank() ? clue.getText() : clue.getRawOutput();
        contexts.put(clueKey(clue.getSeat(), clue.getRound()),
            new TurnContext(PromptBuilder.build(view), view.image(), completion));
      } else if (accepted && event.getPayload() instanceof DecisionSampled decision) {
        TurnView view = TurnViews.forPendingTurn(state, decision.getTurn(), ANY_TEMPERATURE);
        contexts.put(decisionKey(decision.getVoterSeat()),
            new TurnContext(PromptBuilder.build(view), view.image(), ""));
      }
      state = after;
    }
    return contexts;
  }

  static String clueKey(int seat, int round) {
    return "clue/" + seat + "/" + round;
  }

  static String decisionKey(int voterSeat) {
    return "decision/" + voterSeat;
  }
}
