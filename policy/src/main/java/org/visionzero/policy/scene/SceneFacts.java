package org.visionzero.policy.scene;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Ground truth of an image pair (the scene-graph JSON of {@code ImagePairCreated.sceneGraphJson}): the
 * objects of the original and of the modified image, and which object ids changed.
 */
public record SceneFacts(
    int width, int height, List<SceneObject> original, List<SceneObject> modified, Set<Integer> changedObjectIds) {

  private static final ObjectMapper JSON = new ObjectMapper();
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

  /** Parses the scene-graph JSON contract; fails with a message naming the missing or bad field. */
  public static SceneFacts parse(String json) {
    if (json == null || json.isBlank()) {
      throw new IllegalArgumentException("scene graph JSON is empty");
    }
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("scene graph is not valid JSON: " + e.getOriginalMessage(), e);
    }
    int width = requiredInt(root, "width");
    int height = requiredInt(root, "height");
    List<SceneObject> original = objects(required(required(root, "original"), "objects"), "original");
    List<SceneObject> modified = objects(required(required(root, "modified"), "objects"), "modified");
    List<Integer> changed = new ArrayList<>();
    JsonNode changedNode = root.get("changedObjectIds");
    if (changedNode != null && changedNode.isArray()) {
      changedNode.forEach(n -> changed.add(n.asInt()));
    }
    return new SceneFacts(width, height, original, modified, Set.copyOf(changed));
  }

  private static List<SceneObject> objects(JsonNode array, String where) {
    if (!array.isArray()) {
      throw new IllegalArgumentException("scene graph field '" + where + ".objects' must be an array");
    }
    List<SceneObject> out = new ArrayList<>();
    for (JsonNode o : array) {
      out.add(new SceneObject(
          requiredInt(o, "id"),
          requiredText(o, "shape"),
          requiredText(o, "color"),
          optionalText(o, "size"),
          optionalText(o, "material"),
          requiredDouble(o, "x"),
          requiredDouble(o, "y"),
          o.path("radius").asDouble(0)));
    }
    return out;
  }

  private static JsonNode required(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("scene graph lacks field '" + field + "'");
    }
    return value;
  }

  private static int requiredInt(JsonNode node, String field) {
    JsonNode v = required(node, field);
    if (!v.isNumber()) {
      throw new IllegalArgumentException("scene graph field '" + field + "' must be a number, was " + v);
    }
    return v.asInt();
  }

  private static double requiredDouble(JsonNode node, String field) {
    JsonNode v = required(node, field);
    if (!v.isNumber()) {
      throw new IllegalArgumentException("scene graph field '" + field + "' must be a number, was " + v);
    }
    return v.asDouble();
  }

  private static String requiredText(JsonNode node, String field) {
    return required(node, field).asText().toLowerCase(Locale.ROOT);
  }

  private static String optionalText(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? "" : v.asText().toLowerCase(Locale.ROOT);
  }
}
