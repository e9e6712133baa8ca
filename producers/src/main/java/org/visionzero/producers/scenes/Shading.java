package org.visionzero.producers.scenes;

import java.awt.Color;

/** Colour arithmetic for shading. */
final class Shading {

  private static final int MAX = 255;

  private Shading() {
  }

  /** The colour scaled by a brightness factor, clamped to the displayable range. */
  static Color shade(Color base, double factor) {
    return new Color(clamp(base.getRed() * factor), clamp(base.getGreen() * factor), clamp(base.getBlue() * factor));
  }

  /** Linear mix: 0 gives a, 1 gives b. */
  static Color mix(Color a, Color b, double t) {
    return new Color(clamp(a.getRed() + (b.getRed() - a.getRed()) * t),
        clamp(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
        clamp(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
  }

  /** The colour with an alpha in 0..255. */
  static Color withAlpha(Color base, int alpha) {
    return new Color(base.getRed(), base.getGreen(), base.getBlue(), alpha);
  }

  private static int clamp(double value) {
    return (int) Math.max(0, Math.min(MAX, Math.round(value)));
  }
}
