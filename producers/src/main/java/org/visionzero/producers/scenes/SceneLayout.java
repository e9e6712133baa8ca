package org.visionzero.producers.scenes;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Places objects on the ground plane so that no two footprints (body plus shadow) touch. */
final class SceneLayout {

  /**
   * Footprints keep this many pixels between each other, so recorded regions (footprint plus margin, rounded
   * outwards by up to a pixel on each side) never overlap and a change never bleeds into a neighbour.
   */
  static final double GAP = 2 * SceneGenerator.REGION_MARGIN + 2;
  /** Footprints keep this many pixels from the image border. */
  private static final double EDGE = 1.0;
  private static final int TRIES_PER_OBJECT = 60;
  private static final int TRIES_PER_LAYOUT = 200;

  private SceneLayout() {
  }

  /** Draws a count and attributes from the random stream and places that many objects. */
  static List<SceneObject> place(Random random, SceneOptions options, SceneView view) {
    int span = options.maxObjects() - options.minObjects() + 1;
    int count = options.minObjects() + random.nextInt(span);
    for (int attempt = 0; attempt < TRIES_PER_LAYOUT; attempt++) {
      List<SceneObject> objects = tryPlace(random, options, view, count);
      if (objects != null) {
        return objects;
      }
    }
    throw new IllegalStateException("could not place " + count + " objects without overlap on a "
        + options.width() + "x" + options.height() + " image; use fewer objects or a larger image");
  }

  private static List<SceneObject> tryPlace(Random random, SceneOptions options, SceneView view, int count) {
    List<SceneObject> placed = new ArrayList<>(count);
    List<Rectangle2D> taken = new ArrayList<>(count);
    for (int id = 0; id < count; id++) {
      Shape shape = pick(random, Shape.values());
      SceneColor color = pick(random, SceneColor.values());
      Size size = pick(random, Size.values());
      Material material = pick(random, Material.values());
      SceneObject object = findSpot(random, options, view, taken, id, shape, color, size, material);
      if (object == null) {
        return null;
      }
      placed.add(object);
      taken.add(Footprint.of(object, view));
    }
    return List.copyOf(placed);
  }

  private static SceneObject findSpot(Random random, SceneOptions options, SceneView view, List<Rectangle2D> taken,
                                      int id, Shape shape, SceneColor color, Size size, Material material) {
    double pixelScale = options.width() / (double) SceneOptions.DEFAULT_SIZE;
    Rectangle2D image = new Rectangle2D.Double(EDGE, EDGE, options.width() - 2 * EDGE, options.height() - 2 * EDGE);
    for (int attempt = 0; attempt < TRIES_PER_OBJECT; attempt++) {
      double depth = random.nextDouble();
      double scale = view.farScale() + (1 - view.farScale()) * depth;
      double radius = size.nearRadiusAt128() * pixelScale * scale;
      double groundY = view.groundTop() + (view.groundBottom() - view.groundTop()) * depth;
      double x = radius + random.nextDouble() * (options.width() - 2 * radius);
      SceneObject candidate = new SceneObject(id, shape, color, size, material, x, groundY - radius, radius, depth);
      Rectangle2D footprint = Footprint.of(candidate, view);
      if (image.contains(footprint) && isClear(footprint, taken)) {
        return candidate;
      }
    }
    return null;
  }

  private static boolean isClear(Rectangle2D footprint, List<Rectangle2D> taken) {
    Rectangle2D grown = new Rectangle2D.Double(footprint.getX() - GAP, footprint.getY() - GAP,
        footprint.getWidth() + 2 * GAP, footprint.getHeight() + 2 * GAP);
    return taken.stream().noneMatch(grown::intersects);
  }

  static <T> T pick(Random random, T[] values) {
    return values[random.nextInt(values.length)];
  }
}
