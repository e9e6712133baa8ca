package org.visionzero.game.fold;

import java.util.Optional;
import org.visionzero.deadletter.InvalidRecordException;
import org.visionzero.events.ClueGiven;
import org.visionzero.events.DecisionSampled;
import org.visionzero.events.GameEvent;
import org.visionzero.events.TurnKind;

/**
 * Splits the answers {@link AnswerRule} rejects into those the pipeline produces itself and tolerates by
 * idempotence (the same answer again, a late answer to a game that has ended) and those no worker can have
 * written for a turn the coordinator requested: an answer to a game that never started, to a turn the game does
 * not have, a vote before the clue stage, an attempt never requested, a seat the turn does not expect. The
 * second kind is a poison record and goes to the dead letters with its reason.
 */
public final class ImpossibleAnswers {
  private ImpossibleAnswers() {}

  /**
   * Why the rejected answer cannot come from a requested turn, or empty when it is a tolerated duplicate or late
   * answer.
   */
  public static Optional<InvalidRecordException> of(GameState state, GameEvent answer,
      AnswerRule.Rejection rejection) {
    String game = "game " + answer.getGameId() + ": ";
    return switch (rejection.kind()) {
      case DUPLICATE -> Optional.empty();
      case NOT_RUNNING -> state.isStarted()
          ? Optional.empty() // ended: a late answer to a retried or aborted turn
          : Optional.of(unknownGame(answer));
      case NOT_DUE, NOT_AN_ANSWER -> Optional.of(notDue(state, answer, game + rejection.reason()));
      case UNREQUESTED -> Optional.of(new InvalidRecordException("attempt-not-requested",
          game + rejection.reason()));
      case WRONG_SLOT -> Optional.of(new InvalidRecordException("wrong-seat", game + rejection.reason()));
    };
  }

  /** An event other than a start for a game that never started: no component writes one. */
  public static InvalidRecordException unknownGame(GameEvent event) {
    return new InvalidRecordException("unknown-game", "game " + event.getGameId() + " was never started, yet "
        + AnswerRule.payloadName(event.getPayload()) + " " + event.getEventId() + " names it");
  }

  private static InvalidRecordException notDue(GameState state, GameEvent answer, String reason) {
    int turn = answer.getPayload() instanceof ClueGiven clue ? clue.getTurn()
        : answer.getPayload() instanceof DecisionSampled decision ? decision.getTurn() : -1;
    if (!state.plan().contains(turn)) {
      return new InvalidRecordException("turn-out-of-plan", reason);
    }
    boolean vote = answer.getPayload() instanceof DecisionSampled;
    boolean cluesOutstanding = turn >= 0 && !state.pending().isEmpty()
        && state.plan().slot(state.pending().firstKey()).kind() == TurnKind.CLUE;
    if (vote && cluesOutstanding) {
      return new InvalidRecordException("vote-before-clue-stage", reason + " (clue turns are still open)");
    }
    if (!vote && state.plan().slot(turn).kind() == TurnKind.DECISION) {
      return new InvalidRecordException("clue-at-decision-turn", reason);
    }
    return new InvalidRecordException("turn-not-due", reason);
  }
}
