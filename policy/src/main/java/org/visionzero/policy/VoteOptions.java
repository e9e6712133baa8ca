package org.visionzero.policy;

/**
 * How structured policies number the options of a vote: option 0 is N/A, option k (1..N) is seat k.
 * A structured vote's single token id is its option.
 */
public final class VoteOptions {
  /** The abstention option. */
  public static final int ABSTAIN = 0;
  /** Text of an abstention, as the game's vote parser reads it. */
  public static final String ABSTAIN_TEXT = "N/A";

  private VoteOptions() {}

  /** Number of options for N players: N seats plus N/A. */
  public static int count(int numPlayers) {
    return numPlayers + 1;
  }
}
