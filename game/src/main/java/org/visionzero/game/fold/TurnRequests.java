package org.visionzero.game.fold;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.visionzero.events.ClueRecord;
import org.visionzero.events.Purpose;
import org.visionzero.events.TurnRequested;
import org.visionzero.game.config.GameConfig;
import org.visionzero.game.view.TurnView;
import org.visionzero.game.view.TurnViews;

/**
 * The {@code TurnRequested} records of the turns due in a state: derived outputs, never folded. Publishing
 * them again (e.g. after a coordinator restart) is harmless, since workers answer with deterministic ids.
 */
public final class TurnRequests {
  private TurnRequests() {}

  /** A request for every turn due in the state, in turn order. */
  public static List<TurnRequested> pending(GameState state, GameConfig config) {
    Objects.requireNonNull(config, "config");
    return state.pending().keySet().stream().map(turn -> forTurn(state, turn, config)).toList();
  }

  /** The request for one due turn at its current attempt. */
  public static TurnRequested forTurn(GameState state, int turn, GameConfig config) {
    PendingTurn due = state.pending().get(turn);
    if (due == null) {
      throw new IllegalArgumentException("turn " + turn + " of game " + state.gameId() + " is not due");
    }
    TurnView view = TurnViews.forPendingTurn(state, turn, config.temperature());
    return toRequest(view, due.openedAt(), deadline(due, config), state.started().getPurpose());
  }

  /** When the current attempt of a due turn expires, counted from when it was opened. */
  public static Instant deadline(PendingTurn due, GameConfig config) {
    return due.openedAt().plus(config.turnTimeout());
  }

  /**
   * When the current attempt of a due turn expires for a coordinator that has been live (caught up with its
   * input) since {@code liveSince}: the timeout counts from the later of the two, never during an outage.
   */
  public static Instant deadline(PendingTurn due, GameConfig config, Instant liveSince) {
    Instant start = due.openedAt().isAfter(liveSince) ? due.openedAt() : liveSince;
    return start.plus(config.turnTimeout());
  }

  /** The wire form of a view. */
  public static TurnRequested toRequest(TurnView view, Instant requestedAt, Instant deadline,
      Purpose purpose) {
    List<ClueRecord> history = view.history().stream()
        .map(clue -> new ClueRecord(clue.seat(), clue.round(), clue.text(), clue.tokenIds()))
        .toList();
    return TurnRequested.newBuilder()
        .setEventId(EventIds.turnRequest(view.gameId(), view.turn(), view.attempt()))
        .setOccurredAt(requestedAt)
        .setGameId(view.gameId())
        .setTurn(view.turn())
        .setAttempt(view.attempt())
        .setKind(view.kind())
        .setSeat(view.seat())
        .setRound(view.round())
        .setRole(view.role())
        .setNumPlayers(view.numPlayers())
        .setPolicy(view.policy())
        .setImage(view.image())
        .setSpyHint(view.spyHint())
        .setHistory(history)
        .setOwnReasoning(view.ownReasoning())
        .setSamples(view.samples())
        .setTemperature(view.temperature())
        .setSamplingSeed(view.samplingSeed())
        .setPurpose(purpose)
        .setDeadlineAt(deadline)
        .build();
  }
}
