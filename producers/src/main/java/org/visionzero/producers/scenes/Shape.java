package org.visionzero.producers.scenes;

import java.util.Locale;

/** The three CLEVR shapes. */
public enum Shape {
  CUBE, SPHERE, CYLINDER;

  /** The lower-case word used in scene graphs and descriptions. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
