package org.visionzero.game.fold;

import java.util.Optional;
import org.visionzero.events.ClueGiven;
import org.visionzero.events.DecisionSampled;
import org.visionzero.events.GameEvent;
import org.visionzero.events.TurnKind;
import org.visionzero.game.rules.TurnSlot;

/**
 * The one rule for which answer of a turn counts, used by every fold (coordinator, scorer, replay, export,
 * rescore) through {@link GameEvolver} and {@link GameDecider}: <b>the first answer, in fold order, to any
 * attempt that was requested while the turn is still open</b>, from the seat and round (or with the sample
 * count) the plan says. Everything else (a second answer, an attempt never requested, a seat not due) is
 * rejected here, with the reason.
 *
 * <p>Why an earlier attempt still counts: the coordinator folds its own retries at once, but they reach the
 * log after whatever answers were already there. After a restart a retry can be written behind the very
 * answer it replaces; a rule that rejected "stale" attempts would then accept attempt 1 in log order and
 * attempt 2 in the coordinator's order, and a trajectory would mix the two. With "first requested answer
 * wins" both orders accept the same answer: an answer to attempt k always follows the retry that requested
 * it in the log, and moving a retry earlier only makes an open turn accept more attempts.
 */
public final class AnswerRule {
  /** Why an answer does not count, as a category for metrics and tests. */
  public enum Kind {
    /** Not an answer event at all. */
    NOT_AN_ANSWER,
    /** The game is not running (not started, completed or aborted). */
    NOT_RUNNING,
    /** The game has no such turn, of that kind, or it is not open yet. */
    NOT_DUE,
    /** The turn already has its accepted answer. */
    DUPLICATE,
    /** An attempt the coordinator never requested. */
    UNREQUESTED,
    /** A seat, round or sample count the turn does not expect. */
    WRONG_SLOT
  }

  /** An answer that does not count: its category and a reason a person can read. */
  public record Rejection(Kind kind, String reason) {
    public Rejection {
      java.util.Objects.requireNonNull(kind, "kind");
      java.util.Objects.requireNonNull(reason, "reason");
    }
  }

  private AnswerRule() {}

  /** Why the answer does not count, or empty when it does. */
  public static Optional<Rejection> rejection(GameState state, GameEvent answer) {
    Object payload = answer.getPayload();
    if (payload instanceof ClueGiven clue) {
      return turnRejection(state, clue.getTurn(), clue.getAttempt(), TurnKind.CLUE)
          .or(() -> slotRejection(state.plan().slot(clue.getTurn()), clue.getSeat(), clue.getRound(), 1));
    }
    if (payload instanceof DecisionSampled decision) {
      return turnRejection(state, decision.getTurn(), decision.getAttempt(), TurnKind.DECISION)
          .or(() -> slotRejection(state.plan().slot(decision.getTurn()), decision.getVoterSeat(), 0,
              decision.getSamples().size()));
    }
    return reject(Kind.NOT_AN_ANSWER, "not an answer: " + payloadName(payload));
  }

  static String payloadName(Object payload) {
    return payload == null ? "null payload" : payload.getClass().getSimpleName();
  }

  private static Optional<Rejection> reject(Kind kind, String reason) {
    return Optional.of(new Rejection(kind, reason));
  }

  private static Optional<Rejection> turnRejection(GameState state, int turn, int attempt, TurnKind kind) {
    if (!state.isRunning()) {
      return reject(Kind.NOT_RUNNING, "game is " + state.status());
    }
    if (!state.plan().contains(turn)) {
      return reject(Kind.NOT_DUE, "game has no turn " + turn);
    }
    TurnSlot slot = state.plan().slot(turn);
    if (slot.kind() != kind) {
      return reject(Kind.NOT_DUE, "turn " + turn + " is a " + slot.kind() + " turn, not " + kind);
    }
    PendingTurn due = state.pending().get(turn);
    if (due == null) {
      return state.isAnswered(turn)
          ? reject(Kind.DUPLICATE, "duplicate: turn " + turn + " is already answered")
          : reject(Kind.NOT_DUE, "turn " + turn + " is not due yet");
    }
    if (attempt < 1 || attempt > due.attempt()) {
      return reject(Kind.UNREQUESTED, "unrequested: attempt " + attempt + " of turn " + turn
          + " was never requested (current attempt is " + due.attempt() + ")");
    }
    return Optional.empty();
  }

  private static Optional<Rejection> slotRejection(TurnSlot slot, int seat, int round, int samples) {
    if (seat != slot.seat()) {
      return reject(Kind.WRONG_SLOT, "seat " + seat + " is not due at turn " + slot.turn() + " (seat " + slot.seat() + " is)");
    }
    if (round != slot.round()) {
      return reject(Kind.WRONG_SLOT, "round " + round + " does not match turn " + slot.turn() + " (round " + slot.round() + ")");
    }
    if (samples != slot.samples()) {
      return reject(Kind.WRONG_SLOT, "turn " + slot.turn() + " needs " + slot.samples() + " samples, got " + samples);
    }
    return Optional.empty();
  }
}
