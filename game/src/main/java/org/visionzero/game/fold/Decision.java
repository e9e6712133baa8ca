package org.visionzero.game.fold;

import java.util.List;
import java.util.Objects;
import org.visionzero.events.GameEvent;
import org.visionzero.events.TurnRequested;

/**
 * What {@link GameDecider#decide} concluded: the events to fold (in order; for a recorded answer the first
 * one is that answer, which the worker already wrote to the log), the turns to request, and why a command
 * was ignored ("" when it was not).
 *
 * @param events        events to append and fold, in order
 * @param turnRequests  turns to publish for workers
 * @param ignoredReason why nothing happened, "" when the command took effect
 */
public record Decision(List<GameEvent> events, List<TurnRequested> turnRequests, String ignoredReason) {

  public Decision {
    events = List.copyOf(events);
    turnRequests = List.copyOf(turnRequests);
    Objects.requireNonNull(ignoredReason, "ignoredReason");
  }

  /** A command that took effect. */
  public static Decision of(List<GameEvent> events, List<TurnRequested> turnRequests) {
    return new Decision(events, turnRequests, "");
  }

  /** A command with no effect, and why. */
  public static Decision ignored(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("an ignored command needs a reason");
    }
    return new Decision(List.of(), List.of(), reason);
  }

  /** Nothing to do, and nothing wrong (e.g. no deadline has passed). */
  public static Decision nothing() {
    return new Decision(List.of(), List.of(), "");
  }

  public boolean isIgnored() {
    return !ignoredReason.isEmpty();
  }

  /** The state after folding this decision's events. */
  public GameState applyTo(GameState state) {
    GameState next = state;
    for (GameEvent event : events) {
      next = GameEvolver.evolve(next, event);
    }
    return next;
  }
}
