package org.visionzero.producers.scenes;

import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.visionzero.events.Difference;

/**
 * CLEVR-style scene pairs from a seed: 4–6 objects on a ground plane; the modified image gives 2 random objects a
 * new colour AND a new shape, and changes nothing else. Deterministic: the same seed gives the same pair.
 */
public final class SceneGenerator {

  /** Recorded regions extend this many pixels beyond body and shadow, to cover antialiased edges. */
  public static final int REGION_MARGIN = 2;
  public static final String DIFFERENCE_KIND = "object";

  private final SceneOptions options;
  private final SceneRenderer renderer = new SceneRenderer();

  public SceneGenerator(SceneOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  public SceneOptions options() {
    return options;
  }

  /** The pair for this seed. */
  public ScenePair generate(long seed) {
    Random random = new Random(seed);
    SceneView view = SceneView.jittered(random, options.height());
    List<SceneObject> original = SceneLayout.place(random, options, view);
    List<Integer> changed = chooseChanged(random, original.size());
    List<SceneObject> modified = new ArrayList<>(original);
    List<Difference> differences = new ArrayList<>(changed.size());
    List<SceneObject> replacements = new ArrayList<>(changed.size());
    List<Rectangle> regions = new ArrayList<>(changed.size());
    for (int id : changed) {
      SceneObject before = original.get(id);
      SceneObject after = replacement(random, before, changed.stream().map(original::get).toList());
      modified.set(id, after);
      Rectangle region = region(before, after, view);
      replacements.add(after);
      regions.add(region);
      differences.add(difference(before, after, region));
    }
    BufferedImage originalImage = renderer.render(original, view, options.width(), options.height());
    // Only the changed regions need drawing again: the rest of the modified image is the original's.
    BufferedImage modifiedImage = renderer.redraw(originalImage, replacements, regions, view);
    SceneGraph graph = new SceneGraph(options.width(), options.height(), original, modified, changed);
    return new ScenePair(seed, originalImage, modifiedImage, graph, view, differences);
  }

  private List<Integer> chooseChanged(Random random, int objectCount) {
    List<Integer> ids = new ArrayList<>();
    for (int id = 0; id < objectCount; id++) {
      ids.add(id);
    }
    // Partial Fisher-Yates with our own stream: Collections.shuffle would do, but this keeps the draw count fixed.
    for (int i = 0; i < options.changedObjects(); i++) {
      int j = i + random.nextInt(objectCount - i);
      Integer swap = ids.get(i);
      ids.set(i, ids.get(j));
      ids.set(j, swap);
    }
    List<Integer> chosen = new ArrayList<>(ids.subList(0, options.changedObjects()));
    chosen.sort(null);
    return List.copyOf(chosen);
  }

  /** Where the change shows: both footprints, grown by the margin, rounded outwards and clipped to the image. */
  private Rectangle region(SceneObject before, SceneObject after, SceneView view) {
    Rectangle2D footprint = Footprint.of(before, view);
    footprint.add(Footprint.of(after, view));
    return outwardClip(footprint);
  }

  private static Difference difference(SceneObject before, SceneObject after, Rectangle region) {
    return Difference.newBuilder()
        .setKind(DIFFERENCE_KIND)
        .setDescription("object " + before.id() + ": " + before.describe() + " -> " + after.describe())
        .setX(region.x).setY(region.y).setWidth(region.width).setHeight(region.height)
        .build();
  }

  private Rectangle outwardClip(Rectangle2D box) {
    int left = Math.max(0, (int) Math.floor(box.getMinX()) - REGION_MARGIN);
    int top = Math.max(0, (int) Math.floor(box.getMinY()) - REGION_MARGIN);
    int right = Math.min(options.width(), (int) Math.ceil(box.getMaxX()) + REGION_MARGIN);
    int bottom = Math.min(options.height(), (int) Math.ceil(box.getMaxY()) + REGION_MARGIN);
    return new Rectangle(left, top, right - left, bottom - top);
  }

  /**
   * A new colour and shape for the object, never the look of another changed object: two objects trading looks
   * would read as two objects swapping places, not as two objects that differ.
   */
  private static SceneObject replacement(Random random, SceneObject before, List<SceneObject> changedOriginals) {
    while (true) {
      SceneObject after = before.withColorAndShape(
          other(random, SceneColor.values(), before.color()), other(random, Shape.values(), before.shape()));
      boolean tradesLooks = changedOriginals.stream()
          .anyMatch(o -> o.color() == after.color() && o.shape() == after.shape());
      if (!tradesLooks) {
        return after;
      }
    }
  }

  private static <T> T other(Random random, T[] values, T current) {
    List<T> choices = new ArrayList<>(Arrays.asList(values));
    choices.remove(current);
    return choices.get(random.nextInt(choices.size()));
  }
}
