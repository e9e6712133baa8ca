package org.visionzero.game.view;

import java.util.List;
import org.visionzero.events.BlobRef;
import org.visionzero.events.ClueGiven;
import org.visionzero.events.GameStarted;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.Role;
import org.visionzero.events.TurnKind;
import org.visionzero.events.TurnRequested;
import org.visionzero.game.fold.GameState;
import org.visionzero.game.fold.PendingTurn;
import org.visionzero.game.rules.Seeds;
import org.visionzero.game.rules.TurnSlot;

/**
 * Builds what a seat sees at its turn from the game state: its own image (the spy's, possibly blank, for the
 * spy; the decision image for the decision stage), its role, the rules sentence, every earlier clue in round
 * then seat order (clues only, never another seat's reasoning) and its own earlier reasoning.
 */
public final class TurnViews {
  private TurnViews() {}

  /** The view of a turn that is due, at its current attempt. */
  public static TurnView forPendingTurn(GameState state, int turn, float temperature) {
    PendingTurn due = state.pending().get(turn);
    if (due == null) {
      throw new IllegalArgumentException("turn " + turn + " of game " + state.gameId() + " is not due");
    }
    GameStarted started = state.started();
    TurnSlot slot = state.plan().slot(turn);
    // Clue turns run in order, so every accepted clue was spoken before this turn.
    List<VisibleClue> history = state.clues().stream()
        .sorted((a, b) -> a.getRound() != b.getRound() ? Integer.compare(a.getRound(), b.getRound())
            : Integer.compare(a.getSeat(), b.getSeat()))
        .map(clue -> new VisibleClue(clue.getSeat(), clue.getRound(), clue.getText(),
            clue.getSample().getTokenIds()))
        .toList();
    List<String> ownReasoning = slot.seat() == 0 ? List.of() : state.clues().stream()
        .filter(clue -> clue.getSeat() == slot.seat())
        .map(ClueGiven::getReasoning)
        .toList();
    return new TurnView(state.gameId(), turn, due.attempt(), slot.kind(), slot.seat(), slot.round(), slot.role(),
        started.getNumPlayers(), imageOf(started, slot), started.getSpyHint(), history, ownReasoning,
        slot.samples(), temperature, Seeds.samplingSeed(started.getSeed(), turn, due.attempt()),
        policyOf(started, slot));
  }

  /** The view a worker reconstructs from a turn request. */
  public static TurnView fromRequest(TurnRequested request) {
    List<VisibleClue> history = request.getHistory().stream()
        .map(clue -> new VisibleClue(clue.getSeat(), clue.getRound(), clue.getText(), clue.getTokenIds()))
        .toList();
    return new TurnView(request.getGameId(), request.getTurn(), request.getAttempt(), request.getKind(),
        request.getSeat(), request.getRound(), request.getRole(), request.getNumPlayers(), request.getImage(),
        request.getSpyHint(), history, request.getOwnReasoning(), request.getSamples(), request.getTemperature(),
        request.getSamplingSeed(), request.getPolicy());
  }

  private static BlobRef imageOf(GameStarted started, TurnSlot slot) {
    if (slot.kind() == TurnKind.DECISION) {
      return started.getDecisionImage();
    }
    return slot.role() == Role.SPY ? started.getSpyImage() : started.getCivilianImage();
  }

  private static PolicyRef policyOf(GameStarted started, TurnSlot slot) {
    if (slot.kind() == TurnKind.DECISION) {
      return started.getDecisionPolicy();
    }
    return slot.role() == Role.SPY ? started.getSpyPolicy() : started.getCivilianPolicy();
  }
}
