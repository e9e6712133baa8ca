package org.visionzero.game.fold;

import java.util.Comparator;
import java.util.Objects;
import org.visionzero.events.ClueGiven;
import org.visionzero.events.DecisionSampled;
import org.visionzero.events.GameAborted;
import org.visionzero.events.GameCompleted;
import org.visionzero.events.GameEvent;
import org.visionzero.events.GameStarted;
import org.visionzero.events.TurnRetried;
import org.visionzero.game.fold.GameState.Status;
import org.visionzero.game.rules.TurnPlan;

/**
 * {@code evolve(state, event) → state}: applies one event of the game's log. Events that do not apply
 * (a second start, a duplicate or stale answer, a retry of a turn that is no longer due, anything after the
 * end) leave the state unchanged, so the state can be rebuilt from the raw log, duplicates included.
 */
public final class GameEvolver {
  private static final Comparator<ClueGiven> TURN_ORDER = Comparator.comparingInt(ClueGiven::getTurn);

  private GameEvolver() {}

  /** Folds a whole log from the empty state. */
  public static GameState fold(Iterable<GameEvent> events) {
    GameState state = GameState.empty();
    for (GameEvent event : events) {
      state = evolve(state, event);
    }
    return state;
  }

  /** The state after one event. */
  public static GameState evolve(GameState state, GameEvent event) {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(event, "event");
    if (state.isStarted() && !state.gameId().equals(event.getGameId())) {
      throw new IllegalArgumentException(
          "event " + event.getEventId() + " is for game " + event.getGameId() + ", not " + state.gameId());
    }
    if (!GameEventCheck.isValid(event)) {
      return state; // impossible values never enter a game, in any fold (the coordinator dead-letters them)
    }
    Object payload = event.getPayload();
    if (payload instanceof GameStarted started) {
      return state.isStarted() ? state : start(state, event, started);
    }
    if (payload instanceof ClueGiven || payload instanceof DecisionSampled) {
      return AnswerRule.rejection(state, event).isPresent() ? state : answer(state, event);
    }
    if (payload instanceof TurnRetried retried) {
      return retry(state, event, retried);
    }
    if (payload instanceof GameCompleted) {
      return state.allTurnsAnswered() ? finish(state, event, Status.COMPLETED, null) : state;
    }
    if (payload instanceof GameAborted aborted) {
      return state.isRunning() ? finish(state, event, Status.ABORTED, aborted) : state;
    }
    throw new IllegalArgumentException(
        "event " + event.getEventId() + " has an unknown payload: " + AnswerRule.payloadName(payload));
  }

  private static GameState start(GameState state, GameEvent event, GameStarted started) {
    GameState.Draft draft = state.draft();
    draft.gameId = event.getGameId();
    draft.status = Status.RUNNING;
    draft.started = started;
    draft.plan = TurnPlan.of(started);
    draft.pending.put(0, new PendingTurn(0, 1, event.getOccurredAt()));
    draft.events.add(event);
    return draft.freeze();
  }

  private static GameState answer(GameState state, GameEvent event) {
    GameState.Draft draft = state.draft();
    int turn;
    if (event.getPayload() instanceof ClueGiven clue) {
      turn = clue.getTurn();
      draft.clues.add(clue);
      draft.clues.sort(TURN_ORDER);
    } else {
      DecisionSampled decision = (DecisionSampled) event.getPayload();
      turn = decision.getTurn();
      draft.decisions.add(decision);
    }
    draft.pending.remove(turn);
    for (int opened : draft.plan.openedAfter(turn)) {
      draft.pending.put(opened, new PendingTurn(opened, 1, event.getOccurredAt()));
    }
    draft.events.add(event);
    return draft.freeze();
  }

  private static GameState retry(GameState state, GameEvent event, TurnRetried retried) {
    PendingTurn due = state.pending().get(retried.getTurn());
    if (!state.isRunning() || due == null || retried.getAttempt() != due.attempt() + 1) {
      return state;
    }
    GameState.Draft draft = state.draft();
    draft.pending.put(due.turn(), new PendingTurn(due.turn(), retried.getAttempt(), event.getOccurredAt()));
    draft.events.add(event);
    return draft.freeze();
  }

  private static GameState finish(GameState state, GameEvent event, Status status, GameAborted aborted) {
    GameState.Draft draft = state.draft();
    draft.status = status;
    draft.pending.clear();
    if (status == Status.COMPLETED) {
      draft.completion = event;
    } else {
      draft.abort = aborted;
    }
    draft.events.add(event);
    return draft.freeze();
  }
}
