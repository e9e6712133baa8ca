package org.visionzero.producers.publish;

/**
 * Which pairs are reserved for evaluation: a pair is held out when the first 52 bits of its (hex sha256) id,
 * read as a fraction of 1, fall below the share. Depends only on the id, so every run agrees.
 */
public record HeldOutSplit(double share) {

  private static final int HEX_DIGITS = 13;
  private static final double SCALE = 0x1.0p-52;

  public HeldOutSplit {
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException("held-out share must be between 0 and 1, got " + share);
    }
  }

  public boolean isHeldOut(String pairId) {
    if (pairId.length() < HEX_DIGITS) {
      throw new IllegalArgumentException("pair id '" + pairId + "' is not a sha256 hex string");
    }
    double position = Long.parseLong(pairId.substring(0, HEX_DIGITS), 16) * SCALE;
    return position < share;
  }
}
