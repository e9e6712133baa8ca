package org.visionzero.producers.scenes;

import java.util.Objects;

/**
 * One object of a scene, as the scene graph records it.
 *
 * @param x      centre of the object in image pixels
 * @param y      centre of the object in image pixels
 * @param radius half the object's on-screen extent in pixels
 * @param depth  0 at the back of the ground plane, 1 at the front (drives perspective and drawing order)
 */
public record SceneObject(int id, Shape shape, SceneColor color, Size size, Material material,
                          double x, double y, double radius, double depth) {

  public SceneObject {
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(color, "color");
    Objects.requireNonNull(size, "size");
    Objects.requireNonNull(material, "material");
    if (radius <= 0) {
      throw new IllegalArgumentException("radius must be positive, got " + radius);
    }
  }

  /** The same object (same id, size, material, position) with another colour and shape. */
  public SceneObject withColorAndShape(SceneColor newColor, Shape newShape) {
    return new SceneObject(id, newShape, newColor, size, material, x, y, radius, depth);
  }

  /** E.g. "large red metal sphere". */
  public String describe() {
    return size.word() + " " + color.word() + " " + material.word() + " " + shape.word();
  }
}
