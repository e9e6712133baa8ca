package org.visionzero.workers;

import java.util.ArrayList;
import java.util.List;
import org.visionzero.events.ClueRecord;
import org.visionzero.events.TurnRequested;
import org.visionzero.game.view.TurnView;
import org.visionzero.game.view.VisibleClue;

/** Maps the wire form of a turn ({@code TurnRequested}) to the view the game rules define. */
public final class TurnViews {
  private TurnViews() {}

  /** The seat's view; fails with the game's own message when the request breaks the view's rules. */
  public static TurnView of(TurnRequested request) {
    List<VisibleClue> history = new ArrayList<>(request.getHistory().size());
    for (ClueRecord clue : request.getHistory()) {
      history.add(new VisibleClue(clue.getSeat(), clue.getRound(), clue.getText(), clue.getTokenIds()));
    }
    return new TurnView(
        request.getGameId(),
        request.getTurn(),
        request.getAttempt(),
        request.getKind(),
        request.getSeat(),
        request.getRound(),
        request.getRole(),
        request.getNumPlayers(),
        request.getImage(),
        request.getSpyHint(),
        history,
        request.getOwnReasoning(),
        request.getSamples(),
        request.getTemperature(),
        request.getSamplingSeed(),
        request.getPolicy());
  }
}
