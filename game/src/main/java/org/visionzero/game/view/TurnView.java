package org.visionzero.game.view;

import java.util.List;
import java.util.Objects;
import org.visionzero.deadletter.InvalidRecordException;
import org.visionzero.events.BlobRef;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.Role;
import org.visionzero.events.TurnKind;

/**
 * Everything one seat may see when it acts, and nothing it may not: the contract between the game rules
 * (which build it), the coordinator (which ships it as a {@code TurnRequested}) and every policy (which
 * consumes it, as a prompt for text policies or as structured input for the in-JVM model).
 *
 * @param gameId       the game
 * @param turn         turn index in the game, 0-based
 * @param attempt      attempt number, 1-based
 * @param kind         clue or decision
 * @param seat         acting seat 1..N, 0 for the observer
 * @param round        clue round (1-based), 0 for decision turns
 * @param role         the acting seat's role, which it knows
 * @param numPlayers   N
 * @param image        the image this seat sees; {@code null} is a blank image
 * @param spyHint      rules sentence about what differs in the odd picture
 * @param history      earlier clues, ordered by round then seat
 * @param ownReasoning the acting seat's own earlier reasoning, oldest first
 * @param samples      samples to draw (G for the observer, else 1)
 * @param temperature  sampling temperature
 * @param samplingSeed seed of the sampler, so a turn can be reproduced
 * @param policy       the policy that must play the turn
 */
public record TurnView(
    String gameId,
    int turn,
    int attempt,
    TurnKind kind,
    int seat,
    int round,
    Role role,
    int numPlayers,
    BlobRef image,
    String spyHint,
    List<VisibleClue> history,
    List<String> ownReasoning,
    int samples,
    float temperature,
    long samplingSeed,
    PolicyRef policy) {

  public TurnView {
    Objects.requireNonNull(gameId, "gameId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(policy, "policy");
    spyHint = spyHint == null ? "" : spyHint;
    history = List.copyOf(history);
    ownReasoning = List.copyOf(ownReasoning);
    if (numPlayers < 2) {
      throw new IllegalArgumentException("numPlayers must be >= 2, was " + numPlayers);
    }
    if (samples < 1) {
      throw new IllegalArgumentException("samples must be >= 1, was " + samples);
    }
    if (turn < 0 || attempt < 1) {
      throw new InvalidRecordException("turn-out-of-range", "game " + gameId + ": turn " + turn + ", attempt "
          + attempt + "; turns start at 0, attempts at 1");
    }
    int firstSeat = kind == TurnKind.CLUE ? 1 : 0; // 0 is the observer, who only votes
    if (seat < firstSeat || seat > numPlayers) {
      throw new InvalidRecordException("seat-out-of-range", "game " + gameId + ", turn " + turn + ": seat " + seat
          + " for a " + kind + " turn, outside " + firstSeat + ".." + numPlayers);
    }
  }

  /** True when the seat sees a blank image (paper-mode spy, or the no-image control). */
  public boolean blankImage() {
    return image == null;
  }
}
