package org.visionzero.producers.scenes;

import java.awt.Color;
import java.util.Locale;

/** The eight CLEVR colours, with the RGB values of the CLEVR generator. */
public enum SceneColor {
  GRAY(87, 87, 87),
  RED(173, 35, 35),
  BLUE(42, 75, 215),
  GREEN(29, 105, 20),
  BROWN(129, 74, 25),
  PURPLE(129, 38, 192),
  CYAN(41, 208, 208),
  YELLOW(255, 238, 51);

  private final Color rgb;

  SceneColor(int red, int green, int blue) {
    this.rgb = new Color(red, green, blue);
  }

  /** The base colour before shading. */
  public Color rgb() {
    return rgb;
  }

  /** The lower-case word used in scene graphs and descriptions. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
