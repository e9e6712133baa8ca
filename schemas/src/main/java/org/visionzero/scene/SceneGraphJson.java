package org.visionzero.scene;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.visionzero.json.Json;

/**
 * The scene-graph contract of {@code ImagePairCreated.sceneGraphJson}, written by the producers and read by
 * the policy's oracle, pretraining and evaluation: one class for both sides, through the shared mapper.
 * <pre>{"width":128,"height":128,"original":{"objects":[…]},"modified":{"objects":[…]},"changedObjectIds":[1,3]}</pre>
 * Positions and radii are in pixels, written to one decimal; words are lowercase.
 */
public record SceneGraphJson(int width, int height, Scene original, Scene modified, List<Integer> changedObjectIds) {

  /** The objects of one image. */
  public record Scene(List<SceneObject> objects) {
    public Scene {
      objects = List.copyOf(Objects.requireNonNull(objects, "objects"));
    }
  }

  /** One object; {@code size} and {@code material} are "" when a source does not know them. */
  public record SceneObject(int id, String shape, String color, String size, String material, double x, double y,
      double radius) {
    public SceneObject {
      Objects.requireNonNull(shape, "shape");
      Objects.requireNonNull(color, "color");
      Objects.requireNonNull(size, "size");
      Objects.requireNonNull(material, "material");
    }

    /** The same object with coordinates rounded to the one decimal the contract keeps. */
    SceneObject rounded() {
      return new SceneObject(id, shape, color, size, material, oneDecimal(x), oneDecimal(y), oneDecimal(radius));
    }
  }

  public SceneGraphJson {
    Objects.requireNonNull(original, "original");
    Objects.requireNonNull(modified, "modified");
    changedObjectIds = List.copyOf(Objects.requireNonNull(changedObjectIds, "changedObjectIds"));
  }

  /** The contract's JSON, coordinates to one decimal. */
  public String toJson() {
    return Json.write(new SceneGraphJson(width, height, rounded(original), rounded(modified), changedObjectIds));
  }

  /** Parses the contract; fails with a message that names the missing or bad field. */
  public static SceneGraphJson parse(String json) {
    if (json == null || json.isBlank()) {
      throw new IllegalArgumentException("scene graph JSON is empty");
    }
    JsonNode root;
    try {
      root = Json.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("scene graph is not valid JSON: " + e.getOriginalMessage(), e);
    }
    int width = requiredInt(root, "width");
    int height = requiredInt(root, "height");
    Scene original = scene(required(required(root, "original"), "objects"), "original");
    Scene modified = scene(required(required(root, "modified"), "objects"), "modified");
    List<Integer> changed = new ArrayList<>();
    JsonNode changedNode = root.get("changedObjectIds");
    if (changedNode != null && changedNode.isArray()) {
      changedNode.forEach(n -> changed.add(n.asInt()));
    }
    return new SceneGraphJson(width, height, original, modified, changed);
  }

  private static Scene rounded(Scene scene) {
    return new Scene(scene.objects().stream().map(SceneObject::rounded).toList());
  }

  private static double oneDecimal(double value) {
    return Math.round(value * 10.0) / 10.0;
  }

  private static Scene scene(JsonNode array, String where) {
    if (!array.isArray()) {
      throw new IllegalArgumentException("scene graph field '" + where + ".objects' must be an array");
    }
    List<SceneObject> objects = new ArrayList<>();
    for (JsonNode o : array) {
      objects.add(new SceneObject(requiredInt(o, "id"), requiredText(o, "shape"), requiredText(o, "color"),
          optionalText(o, "size"), optionalText(o, "material"), requiredDouble(o, "x"), requiredDouble(o, "y"),
          o.path("radius").asDouble(0)));
    }
    return new Scene(objects);
  }

  private static JsonNode required(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("scene graph lacks field '" + field + "'");
    }
    return value;
  }

  private static int requiredInt(JsonNode node, String field) {
    return (int) requiredNumber(node, field);
  }

  private static double requiredDouble(JsonNode node, String field) {
    return requiredNumber(node, field);
  }

  private static double requiredNumber(JsonNode node, String field) {
    JsonNode value = required(node, field);
    if (!value.isNumber()) {
      throw new IllegalArgumentException("scene graph field '" + field + "' must be a number, was " + value);
    }
    return value.asDouble();
  }

  private static String requiredText(JsonNode node, String field) {
    return required(node, field).asText().toLowerCase(Locale.ROOT);
  }

  private static String optionalText(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? "" : value.asText().toLowerCase(Locale.ROOT);
  }
}
