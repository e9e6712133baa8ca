package org.visionzero.game.fold;

import java.util.Optional;
import org.visionzero.events.ClueGiven;
import org.visionzero.events.DecisionSampled;
import org.visionzero.events.GameEvent;
import org.visionzero.events.TurnKind;
import org.visionzero.game.rules.TurnSlot;

/**
 * Whether an answer counts: it must be for a running game, a turn that is due, its current attempt, the seat
 * and round (or sample count) the plan says. Duplicates, stale attempts and seats that are not due are
 * recognised here, with the reason, so decide and evolve ignore exactly the same answers.
 */
final class AnswerCheck {
  private AnswerCheck() {}

  /** Why the answer does not count, or empty when it does. */
  static Optional<String> rejection(GameState state, GameEvent answer) {
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
    return Optional.of("not an answer: " + payloadName(payload));
  }

  static String payloadName(Object payload) {
    return payload == null ? "null payload" : payload.getClass().getSimpleName();
  }

  private static Optional<String> turnRejection(GameState state, int turn, int attempt, TurnKind kind) {
    if (!state.isRunning()) {
      return Optional.of("game is " + state.status());
    }
    if (!state.plan().contains(turn)) {
      return Optional.of("game has no turn " + turn);
    }
    TurnSlot slot = state.plan().slot(turn);
    if (slot.kind() != kind) {
      return Optional.of("turn " + turn + " is a " + slot.kind() + " turn, not " + kind);
    }
    PendingTurn due = state.pending().get(turn);
    if (due == null) {
      return Optional.of(state.isAnswered(turn) ? "duplicate: turn " + turn + " is already answered"
          : "turn " + turn + " is not due yet");
    }
    if (attempt != due.attempt()) {
      return Optional.of("stale: attempt " + attempt + " of turn " + turn + ", current attempt is " + due.attempt());
    }
    return Optional.empty();
  }

  private static Optional<String> slotRejection(TurnSlot slot, int seat, int round, int samples) {
    if (seat != slot.seat()) {
      return Optional.of("seat " + seat + " is not due at turn " + slot.turn() + " (seat " + slot.seat() + " is)");
    }
    if (round != slot.round()) {
      return Optional.of("round " + round + " does not match turn " + slot.turn() + " (round " + slot.round() + ")");
    }
    if (samples != slot.samples()) {
      return Optional.of("turn " + slot.turn() + " needs " + slot.samples() + " samples, got " + samples);
    }
    return Optional.empty();
  }
}
