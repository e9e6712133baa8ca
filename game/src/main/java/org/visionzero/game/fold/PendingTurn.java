package org.visionzero.game.fold;

import java.util.Objects;
import java.time.Instant;

/**
 * A turn that is due: its current attempt and when that attempt was opened (the time of the event that
 * made it due), from which the coordinator derives the deadline.
 */
public record PendingTurn(int turn, int attempt, Instant openedAt) {
  public PendingTurn {
    Objects.requireNonNull(openedAt, "openedAt");
    if (turn < 0 || attempt < 1) {
      throw new IllegalArgumentException("need turn >= 0 and attempt >= 1, got " + turn + "/" + attempt);
    }
  }
}
