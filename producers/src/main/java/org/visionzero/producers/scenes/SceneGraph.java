package org.visionzero.producers.scenes;

import java.util.List;
import java.util.Objects;
import org.visionzero.producers.json.Json;

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

  /**
   * {"width":128,"height":128,"original":{"objects":[…]},"modified":{"objects":[…]},"changedObjectIds":[1,3]},
   * with x, y and radius in pixels to one decimal.
   */
  public String toJson() {
    StringBuilder json = new StringBuilder(256 + 160 * original.size() * 2);
    json.append("{\"width\":").append(width).append(",\"height\":").append(height);
    json.append(",\"original\":");
    appendObjects(json, original);
    json.append(",\"modified\":");
    appendObjects(json, modified);
    json.append(",\"changedObjectIds\":[");
    for (int i = 0; i < changedObjectIds.size(); i++) {
      json.append(i == 0 ? "" : ",").append(changedObjectIds.get(i));
    }
    return json.append("]}").toString();
  }

  private static void appendObjects(StringBuilder json, List<SceneObject> objects) {
    json.append("{\"objects\":[");
    for (int i = 0; i < objects.size(); i++) {
      SceneObject o = objects.get(i);
      json.append(i == 0 ? "" : ",")
          .append("{\"id\":").append(o.id())
          .append(",\"shape\":").append(Json.quote(o.shape().word()))
          .append(",\"color\":").append(Json.quote(o.color().word()))
          .append(",\"size\":").append(Json.quote(o.size().word()))
          .append(",\"material\":").append(Json.quote(o.material().word()))
          .append(",\"x\":").append(Json.oneDecimal(o.x()))
          .append(",\"y\":").append(Json.oneDecimal(o.y()))
          .append(",\"radius\":").append(Json.oneDecimal(o.radius()))
          .append('}');
    }
    json.append("]}");
  }
}
