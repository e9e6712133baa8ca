package org.visionzero.game.fold;

import java.nio.charset.StandardCharsets;
import org.visionzero.deadletter.InvalidRecordException;
import org.visionzero.events.ClueGiven;
import org.visionzero.events.DecisionSample;
import org.visionzero.events.DecisionSampled;
import org.visionzero.events.GameEvent;
import org.visionzero.events.GameStarted;
import org.visionzero.events.SampledTokens;

/**
 * Refuses a game event whose values are impossible whatever the state of its game: a seat below 1, a turn below 0
 * or an attempt below 1, a clue far longer than any policy writes, a NaN log-prob. These are checked before folding, so
 * that such an event is dead-lettered with its reason instead of entering a game or a trajectory. What depends on
 * the game (a seat the plan does not have, a vote before the clue stage) is {@link AnswerRule}'s to say.
 */
public final class GameEventCheck {
  /** A clue is a few words; the in-JVM model emits at most a few dozen tokens. */
  public static final int MAX_CLUE_BYTES = 4 * 1024;
  /** Raw output and reasoning of a remote model can run to pages, not to megabytes. */
  public static final int MAX_RAW_BYTES = 64 * 1024;

  private GameEventCheck() {}

  /** Throws {@link InvalidRecordException} with the reason; returns the event when nothing in it is impossible. */
  public static GameEvent validate(GameEvent event) {
    Object payload = event.getPayload();
    if (payload instanceof GameStarted started) {
      checkStart(event.getGameId(), started);
    } else if (payload instanceof ClueGiven clue) {
      checkClue(event.getGameId(), clue);
    } else if (payload instanceof DecisionSampled decision) {
      checkDecision(event.getGameId(), decision);
    }
    return event;
  }

  /** Whether nothing in the event is impossible (folds skip an event that is not). */
  public static boolean isValid(GameEvent event) {
    try {
      validate(event);
      return true;
    } catch (InvalidRecordException e) {
      return false;
    }
  }

  private static void checkStart(String gameId, GameStarted started) {
    if (started.getNumPlayers() < 2) {
      throw new InvalidRecordException("players-out-of-range", "game " + gameId + " starts with "
          + started.getNumPlayers() + " players; a game needs at least 2");
    }
    if (started.getSpySeat() < 1 || started.getSpySeat() > started.getNumPlayers()) {
      throw new InvalidRecordException("seat-out-of-range", "game " + gameId + " puts the spy at seat "
          + started.getSpySeat() + ", outside 1.." + started.getNumPlayers());
    }
    if (started.getClueRounds() < 1 || started.getDecisionSamples() < 1 || started.getMaxAttempts() < 1) {
      throw new InvalidRecordException("rules-out-of-range", "game " + gameId + " starts with "
          + started.getClueRounds() + " clue rounds, " + started.getDecisionSamples() + " decision samples and "
          + started.getMaxAttempts() + " attempts; each must be at least 1");
    }
  }

  private static void checkClue(String gameId, ClueGiven clue) {
    requireTurn(gameId, clue.getTurn(), clue.getAttempt());
    if (clue.getSeat() < 1) {
      throw new InvalidRecordException("seat-out-of-range", "game " + gameId + ", turn " + clue.getTurn()
          + ": a clue from seat " + clue.getSeat() + "; seats start at 1");
    }
    requireAtMost(gameId, "clue", clue.getText(), MAX_CLUE_BYTES, "clue-too-long");
    requireAtMost(gameId, "raw output", clue.getRawOutput(), MAX_RAW_BYTES, "output-too-long");
    requireAtMost(gameId, "reasoning", clue.getReasoning(), MAX_RAW_BYTES, "output-too-long");
    requireFinite(gameId, clue.getTurn(), clue.getSample());
  }

  private static void checkDecision(String gameId, DecisionSampled decision) {
    requireTurn(gameId, decision.getTurn(), decision.getAttempt());
    if (decision.getVoterSeat() < 0) {
      throw new InvalidRecordException("seat-out-of-range", "game " + gameId + ", turn " + decision.getTurn()
          + ": a vote from seat " + decision.getVoterSeat() + "; voters are 0 (observer) or 1..N");
    }
    for (DecisionSample sample : decision.getSamples()) {
      if (sample.getVotedSeat() < 0) {
        throw new InvalidRecordException("seat-out-of-range", "game " + gameId + ", turn " + decision.getTurn()
            + ": a vote for seat " + sample.getVotedSeat());
      }
      requireAtMost(gameId, "vote", sample.getText(), MAX_RAW_BYTES, "output-too-long");
      requireAtMost(gameId, "reasoning", sample.getReasoning(), MAX_RAW_BYTES, "output-too-long");
      requireFinite(gameId, decision.getTurn(), sample.getSample());
    }
  }

  private static void requireTurn(String gameId, int turn, int attempt) {
    if (turn < 0 || attempt < 1) {
      throw new InvalidRecordException("turn-out-of-range", "game " + gameId + ": an answer to turn " + turn
          + ", attempt " + attempt + "; turns start at 0, attempts at 1");
    }
  }

  private static void requireAtMost(String gameId, String what, String text, int maxBytes, String reason) {
    // a UTF-8 character is at most 4 bytes: short strings need no encoding to be known short
    if (text.length() * 4L <= maxBytes) {
      return;
    }
    int bytes = text.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > maxBytes) {
      throw new InvalidRecordException(reason, "game " + gameId + ": " + what + " of " + bytes
          + " bytes, longer than " + maxBytes + " bytes");
    }
  }

  private static void requireFinite(String gameId, int turn, SampledTokens sample) {
    for (Float logProb : sample.getLogProbs()) {
      if (!Float.isFinite(logProb)) {
        throw new InvalidRecordException("log-prob-not-finite", "game " + gameId + ", turn " + turn
            + ": behaviour log-prob " + logProb + " (must be finite)");
      }
    }
  }
}
