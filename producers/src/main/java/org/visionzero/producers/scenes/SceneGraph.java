package org.visionzero.producers.scenes;

import java.util.List;
import java.util.Objects;
import org.visionzero.scene.SceneGraphJson;

/**
 * The scene graph of a pair: both object lists (same ids, sizes, materials and positions) and which objects
 * changed. {@link #toJson()} writes the contract read by the policy's oracle and pretraining.
 */
public record SceneGraph(int width, int height, List<SceneObject> original, List<SceneObject> modified,
                         List<Integer> changedObjectIds) {

  public SceneGraph {
    original = List.copyOf(Objects.requireNonNull(original, "original"));
    modified = List.copyOf(Objects.requireNonNull(modified, "modified"));
    changedObjectIds = List.copyOf(Objects.requireNonNull(changedObjectIds, "changedObjectIds"));
    if (original.size() != modified.size()) {
      throw new IllegalArgumentException("original and modified scenes must have the same objects, got "
          + original.size() + " and " + modified.size());
    }
  }

  /** The scene-graph contract's JSON ({@link SceneGraphJson}), read by the policy's oracle and pretraining. */
  public String toJson() {
    return new SceneGraphJson(width, height, scene(original), scene(modified), changedObjectIds).toJson();
  }

  private static SceneGraphJson.Scene scene(List<SceneObject> objects) {
    return new SceneGraphJson.Scene(objects.stream()
        .map(o -> new SceneGraphJson.SceneObject(o.id(), o.shape().word(), o.color().word(), o.size().word(),
            o.material().word(), o.x(), o.y(), o.radius()))
        .toList());
  }
}
