package org.visionzero.game.rules;

/**
 * Deterministic seeds derived from a game seed with the SplitMix64 finaliser, written out here so that the
 * derivation never changes with the JDK (a replayed game must draw the same spy seat and sampling seeds).
 */
public final class Seeds {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
  private static final long SPY_SEAT_SALT = 0x5350595345415431L;
  private static final long TURN_SALT = 0x5455524E5345454EL;

  private Seeds() {}

  /** The SplitMix64 finaliser: a bijection that spreads every input bit over the output. */
  public static long mix(long value) {
    long z = value + GOLDEN_GAMMA;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The seed that draws the spy seat of a game. */
  public static long spySeatSeed(long gameSeed) {
    return mix(gameSeed ^ SPY_SEAT_SALT);
  }

  /** The sampler seed of one attempt of one turn, so every attempt is reproducible and attempts differ. */
  public static long samplingSeed(long gameSeed, int turn, int attempt) {
    return mix(mix(mix(gameSeed ^ TURN_SALT) + turn) + attempt);
  }
}
