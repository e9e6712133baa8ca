package org.visionzero.policy.testing;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.visionzero.policy.Vocabulary;
import org.visionzero.policy.scene.SceneFacts;
import org.visionzero.policy.scene.SceneObject;
import org.visionzero.policy.train.CaptionExample;
import org.visionzero.policy.train.CaptionExampleSource;

/**
 * A small procedural stand-in for the producers' renderer: flat coloured shapes on grey, 128×128, 4–6
 * objects, and a modified image where two objects change colour and shape.
 */
public final class TestSceneDrawer implements CaptionExampleSource {
  public static final int SIZE = 128;
  private static final int MIN_OBJECTS = 4;
  private static final int MAX_OBJECTS = 6;
  private static final int CHANGED = 2;
  private static final double SMALL_RADIUS = 9;
  private static final double LARGE_RADIUS = 14;
  private static final double MARGIN = 4;
  private static final Color BACKGROUND = new Color(128, 128, 124);
  private static final Map<String, Color> COLORS = Map.of(
      "gray", new Color(87, 87, 87), "red", new Color(173, 35, 35), "blue", new Color(42, 75, 215),
      "green", new Color(29, 105, 20), "brown", new Color(129, 74, 25), "purple", new Color(129, 38, 192),
      "cyan", new Color(41, 208, 208), "yellow", new Color(255, 238, 51));

  @Override
  public CaptionExample next(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int count = MIN_OBJECTS + random.nextInt(MAX_OBJECTS - MIN_OBJECTS + 1);
    List<SceneObject> original = new ArrayList<>();
    int attempts = 0;
    while (original.size() < count && attempts++ < 1000) {
      boolean large = random.nextBoolean();
      double r = large ? LARGE_RADIUS : SMALL_RADIUS;
      double x = r + MARGIN + random.nextDouble() * (SIZE - 2 * (r + MARGIN));
      double y = r + MARGIN + random.nextDouble() * (SIZE - 2 * (r + MARGIN));
      if (overlaps(original, x, y, r)) {
        continue;
      }
      original.add(new SceneObject(original.size(), pick(Vocabulary.SHAPES, random), pick(Vocabulary.COLORS, random),
          large ? "large" : "small", random.nextBoolean() ? "metal" : "rubber", x, y, r));
    }
    List<Integer> ids = new ArrayList<>();
    original.forEach(o -> ids.add(o.id()));
    List<Integer> changed = new ArrayList<>();
    while (changed.size() < CHANGED) {
      int id = ids.remove(random.nextInt(ids.size()));
      changed.add(id);
    }
    List<SceneObject> modified = new ArrayList<>();
    for (SceneObject o : original) {
      if (changed.contains(o.id())) {
        modified.add(new SceneObject(o.id(), other(Vocabulary.SHAPES, o.shape(), random),
            other(Vocabulary.COLORS, o.color(), random), o.size(), o.material(), o.x(), o.y(), o.radius()));
      } else {
        modified.add(o);
      }
    }
    SceneFacts facts = new SceneFacts(SIZE, SIZE, original, modified, Set.copyOf(changed));
    return new CaptionExample(draw(original), draw(modified), facts);
  }

  private static boolean overlaps(List<SceneObject> placed, double x, double y, double r) {
    for (SceneObject o : placed) {
      if (Math.hypot(o.x() - x, o.y() - y) < o.radius() + r + MARGIN) {
        return true;
      }
    }
    return false;
  }

  private static String pick(List<String> words, SplittableRandom random) {
    return words.get(random.nextInt(words.size()));
  }

  private static String other(List<String> words, String current, SplittableRandom random) {
    String w;
    do {
      w = pick(words, random);
    } while (w.equals(current));
    return w;
  }

  /** Draws a scene: cubes as squares, spheres as discs, cylinders as tall rounded bars. */
  public static BufferedImage draw(List<SceneObject> objects) {
    BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(BACKGROUND);
      g.fillRect(0, 0, SIZE, SIZE);
      for (SceneObject o : objects) {
        g.setColor(COLORS.get(o.color()));
        double r = o.radius();
        switch (o.shape()) {
          case "cube" -> g.fill(new Rectangle2D.Double(o.x() - r, o.y() - r, 2 * r, 2 * r));
          case "sphere" -> g.fill(new Ellipse2D.Double(o.x() - r, o.y() - r, 2 * r, 2 * r));
          default -> g.fill(new RoundRectangle2D.Double(o.x() - r * 0.6, o.y() - r, r * 1.2, 2 * r, r * 0.8, r * 0.8));
        }
        if ("metal".equals(o.material())) {
          g.setColor(Color.WHITE);
          g.setStroke(new BasicStroke(1f));
          g.draw(new Ellipse2D.Double(o.x() - r * 0.3, o.y() - r * 0.5, r * 0.3, r * 0.3));
        }
      }
    } finally {
      g.dispose();
    }
    return image;
  }
}
