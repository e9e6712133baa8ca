package org.visionzero.policy.scene;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.visionzero.scene.SceneGraphJson;

/**
 * Ground truth of an image pair (the scene-graph JSON of {@code ImagePairCreated.sceneGraphJson}): the
 * objects of the original and of the modified image, and which object ids changed.
 */
public record SceneFacts(
    int width, int height, List<SceneObject> original, List<SceneObject> modified, Set<Integer> changedObjectIds) {

  /** Captions list objects left to right (by x, then y), so the order is learnable from the image. */
  public static final Comparator<SceneObject> READING_ORDER =
      Comparator.comparingDouble(SceneObject::x).thenComparingDouble(SceneObject::y);

  public SceneFacts {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("scene size must be positive, was " + width + "x" + height);
    }
    original = List.copyOf(original);
    modified = List.copyOf(modified);
    changedObjectIds = Set.copyOf(changedObjectIds);
  }

  /** Objects of the image a seat sees: the modified one for the spy, else the original. */
  public List<SceneObject> objects(boolean modifiedImage) {
    return modifiedImage ? modified : original;
  }

  /** The caption words of one image: "colour shape" per object, in reading order. */
  public List<String> captionWords(boolean modifiedImage) {
    List<SceneObject> sorted = new ArrayList<>(objects(modifiedImage));
    sorted.sort(READING_ORDER);
    List<String> words = new ArrayList<>();
    for (SceneObject o : sorted) {
      words.add(o.color());
      words.add(o.shape());
    }
    return words;
  }

  /** Parses the scene-graph JSON contract ({@link SceneGraphJson}); fails naming the missing or bad field. */
  public static SceneFacts parse(String json) {
    SceneGraphJson graph = SceneGraphJson.parse(json);
    return new SceneFacts(graph.width(), graph.height(), objects(graph.original()), objects(graph.modified()),
        Set.copyOf(graph.changedObjectIds()));
  }

  private static List<SceneObject> objects(SceneGraphJson.Scene scene) {
    return scene.objects().stream()
        .map(o -> new SceneObject(o.id(), o.shape(), o.color(), o.size(), o.material(), o.x(), o.y(), o.radius()))
        .toList();
  }
}
