package org.visionzero.producers.scenes;

import java.awt.Color;

/**
 * How a material looks under the light: the tones of its gradients and its highlight. Metal has hard contrast, a
 * near-white glint and a faint mirrored floor; rubber has soft, matte shading.
 *
 * @param sphereStops      radial gradient positions of a sphere, from the lit spot outwards
 * @param sphereTones      tone at each sphere stop
 * @param cylinderOffsets  horizontal gradient positions of a cylinder relative to its lit line (-1 left edge … 1 right)
 * @param cylinderTones    tone at each cylinder position
 * @param faceSpread       brightness spread across one cube face (diagonal gradient ±spread)
 * @param highlightWidth   highlight ellipse width relative to the radius
 * @param highlightHeight  highlight ellipse height relative to the radius
 * @param highlightAlpha   highlight opacity 0..255
 * @param mirrorsFloor     whether the lower part reflects the floor
 */
record MaterialLook(float[] sphereStops, Tone[] sphereTones, float[] cylinderOffsets, Tone[] cylinderTones,
                    double faceSpread, double highlightWidth, double highlightHeight, int highlightAlpha,
                    boolean mirrorsFloor) {

  /** A colour derived from the base colour: scaled in brightness, then mixed with white. */
  record Tone(double shade, double white) {
    Color of(Color base) {
      return Shading.mix(Shading.shade(base, shade), Color.WHITE, white);
    }
  }

  static final MaterialLook METAL = new MaterialLook(
      new float[] {0f, 0.25f, 0.7f, 1f},
      new Tone[] {new Tone(1.0, 0.5), new Tone(1.15, 0), new Tone(0.6, 0), new Tone(0.25, 0)},
      new float[] {-1f, -0.12f, 0f, 0.12f, 1f},
      new Tone[] {new Tone(0.35, 0), new Tone(1.0, 0), new Tone(1.0, 0.65), new Tone(0.95, 0), new Tone(0.25, 0)},
      0.28, 0.32, 0.22, 230, true);

  static final MaterialLook RUBBER = new MaterialLook(
      new float[] {0f, 0.55f, 1f},
      new Tone[] {new Tone(1.3, 0), new Tone(1.0, 0), new Tone(0.45, 0)},
      new float[] {-1f, 0f, 1f},
      new Tone[] {new Tone(0.55, 0), new Tone(1.2, 0), new Tone(0.45, 0)},
      0.07, 0.5, 0.35, 45, false);

  static MaterialLook of(Material material) {
    return material == Material.METAL ? METAL : RUBBER;
  }

  Color[] sphereColours(Color base) {
    return colours(sphereTones, base);
  }

  Color[] cylinderColours(Color base) {
    return colours(cylinderTones, base);
  }

  /** Cylinder gradient positions in 0..1 for a lit line at the given position: edges stay at 0 and 1. */
  float[] cylinderStops(float litLine) {
    float[] stops = new float[cylinderOffsets.length];
    for (int i = 0; i < stops.length; i++) {
      float offset = cylinderOffsets[i];
      stops[i] = offset <= -1f ? 0f : offset >= 1f ? 1f : litLine + offset;
    }
    return stops;
  }

  private static Color[] colours(Tone[] tones, Color base) {
    Color[] colours = new Color[tones.length];
    for (int i = 0; i < tones.length; i++) {
      colours[i] = tones[i].of(base);
    }
    return colours;
  }
}
