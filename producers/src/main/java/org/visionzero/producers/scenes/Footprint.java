package org.visionzero.producers.scenes;

import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;

/** Where an object and its shadow land on screen: the one geometry shared by layout, renderer and differences. */
final class Footprint {

  /** The shadow ellipse is this wide relative to the object's radius (on each side). */
  static final double SHADOW_HALF_WIDTH = 1.05;
  static final double SHADOW_HALF_HEIGHT = 0.28;
  /** The shadow's centre sits this far below the object's centre, relative to its radius. */
  static final double SHADOW_DROP = 0.88;
  /** The shadow slides away from the light by this share of the radius. */
  static final double SHADOW_SLIDE = 0.55;

  private Footprint() {
  }

  /** The object's own box: every shape fits the square of side 2·radius around its centre. */
  static Rectangle2D body(SceneObject object) {
    double r = object.radius();
    return new Rectangle2D.Double(object.x() - r, object.y() - r, 2 * r, 2 * r);
  }

  /** The shadow on the ground, cast away from the light. */
  static Ellipse2D shadow(SceneObject object, SceneView view) {
    double r = object.radius();
    double centreX = object.x() - view.lightX() * r * SHADOW_SLIDE;
    double centreY = object.y() + r * SHADOW_DROP;
    return new Ellipse2D.Double(centreX - r * SHADOW_HALF_WIDTH, centreY - r * SHADOW_HALF_HEIGHT,
        2 * r * SHADOW_HALF_WIDTH, 2 * r * SHADOW_HALF_HEIGHT);
  }

  /** Everything the object changes on screen: its body and its shadow. */
  static Rectangle2D of(SceneObject object, SceneView view) {
    Rectangle2D all = body(object);
    all.add(shadow(object, view).getBounds2D());
    return all;
  }
}
