package org.visionzero.policy.scene;

import java.util.Objects;

/**
 * One object of a synthetic scene, as the renderer's scene graph records it.
 *
 * @param x      centre, pixels from the left edge of the image
 * @param y      centre, pixels from the top edge
 * @param radius half the object's on-screen extent, pixels
 */
public record SceneObject(
    int id, String shape, String color, String size, String material, double x, double y, double radius) {
  public SceneObject {
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(color, "color");
    size = size == null ? "" : size;
    material = material == null ? "" : material;
  }

  /** Short description "colour shape", the unit of a caption. */
  public String colorShape() {
    return color + " " + shape;
  }
}
