package org.visionzero.producers.pairs;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import org.visionzero.events.Difference;

/**
 * Breaks a deterministic share of pairs on purpose, as in the paper's robustness study: the modified image
 * becomes blank (uniform grey) or identical to the original. Which pairs break depends only on the seed.
 */
public final class BrokenPairs {

  public static final String BLANK = "blank";
  public static final String IDENTICAL = "identical";
  private static final Color BLANK_GREY = new Color(128, 128, 128);
  /** 2^53: doubles represent every integer below it, so the draw is uniform in [0, 1). */
  private static final double DOUBLE_UNIT = 0x1.0p-53;
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private final double share;

  /** @param share fraction of pairs to break, in [0, 1] */
  public BrokenPairs(double share) {
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException("broken share must be between 0 and 1, got " + share);
    }
    this.share = share;
  }

  /**
   * The pair itself, or a broken copy when the seed falls in the broken share. A pair whose images came out
   * identical anyway (an edit with no visible effect) is marked as such rather than passed off as a proper pair.
   */
  public ImagePair apply(ImagePair pair) {
    if (pair.broken().isEmpty() && Arrays.equals(pair.originalPng(), pair.modifiedPng())) {
      return pair.asBroken(IDENTICAL, pair.modifiedPng(),
          List.of(whole(IDENTICAL, "the images came out identical (detected)", pair)));
    }
    long mixed = mix(pair.seed());
    double draw = (mixed >>> 11) * DOUBLE_UNIT;
    if (draw >= share) {
      return pair;
    }
    boolean blank = (mixed & 1) == 0;
    if (blank) {
      byte[] png = PngCodec.encode(blankImage(pair.width(), pair.height()));
      return pair.asBroken(BLANK, png, List.of(whole(BLANK, "the modified image is blank", pair)));
    }
    return pair.asBroken(IDENTICAL, pair.originalPng(),
        List.of(whole(IDENTICAL, "the modified image is identical to the original", pair)));
  }

  private static Difference whole(String kind, String description, ImagePair pair) {
    return Difference.newBuilder().setKind(kind).setDescription(description)
        .setX(0).setY(0).setWidth(pair.width()).setHeight(pair.height()).build();
  }

  private static BufferedImage blankImage(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(BLANK_GREY);
      g.fillRect(0, 0, width, height);
    } finally {
      g.dispose();
    }
    return image;
  }

  /** SplitMix64 finaliser: spreads neighbouring seeds over the whole range. */
  static long mix(long seed) {
    long z = seed + GOLDEN_GAMMA;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
