package org.visionzero.producers.scenes;

import java.util.Locale;

/** The two CLEVR sizes, with the on-screen radius of a nearby object at 128 pixels. */
public enum Size {
  SMALL(7.5), LARGE(12.0);

  private final double nearRadiusAt128;

  Size(double nearRadiusAt128) {
    this.nearRadiusAt128 = nearRadiusAt128;
  }

  /** Radius in pixels of an object of this size at the front of a 128-pixel-wide image. */
  public double nearRadiusAt128() {
    return nearRadiusAt128;
  }

  /** The lower-case word used in scene graphs and descriptions. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
