package org.visionzero.game.rules;

/**
 * What the spy is told about its odd image, per kind of pair (VISION-ZERO.md section 5): the producers put it on
 * the pair, simulated games and pretraining use the scenes' one.
 */
public final class SpyHints {
  /** Synthetic scenes: two objects changed in colour and shape. */
  public static final String SCENES = "in the odd picture two objects differ";
  /** Charts: two attributes swapped. */
  public static final String CHARTS = "in the odd chart two attributes are swapped";
  /** Edited photos. */
  public static final String PHOTOS = "some objects or parts of the scene differ";

  private SpyHints() {}
}
