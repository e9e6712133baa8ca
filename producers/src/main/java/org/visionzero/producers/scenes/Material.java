package org.visionzero.producers.scenes;

import java.util.Locale;

/** The two CLEVR materials: shiny metal and matte rubber. */
public enum Material {
  METAL, RUBBER;

  /** The lower-case word used in scene graphs and descriptions. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
