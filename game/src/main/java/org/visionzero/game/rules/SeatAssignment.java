package org.visionzero.game.rules;

import org.visionzero.events.Role;

/** Seats and roles: the spy's seat is uniform in 1..N, drawn from the game seed. */
public final class SeatAssignment {
  private SeatAssignment() {}

  /** The spy's seat, 1..N, for a game seed. */
  public static int spySeat(long gameSeed, int numPlayers) {
    if (numPlayers < 1) {
      throw new IllegalArgumentException("numPlayers must be >= 1, was " + numPlayers);
    }
    // Unsigned remainder of a 64-bit mix: the bias for N <= 9 is below 1e-18.
    return (int) Long.remainderUnsigned(Seeds.spySeatSeed(gameSeed), numPlayers) + 1;
  }

  /** The role of a clue-stage seat. */
  public static Role roleOf(int seat, int spySeat) {
    if (seat < 1) {
      throw new IllegalArgumentException("a clue-stage seat is 1..N, was " + seat);
    }
    return seat == spySeat ? Role.SPY : Role.CIVILIAN;
  }
}
