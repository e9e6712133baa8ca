package org.visionzero.producers.scenes;

/**
 * How scenes are generated.
 *
 * @param width          image width in pixels
 * @param height         image height in pixels
 * @param minObjects     fewest objects in a scene
 * @param maxObjects     most objects in a scene
 * @param changedObjects objects whose colour and shape differ in the modified image
 */
public record SceneOptions(int width, int height, int minObjects, int maxObjects, int changedObjects) {

  public static final int DEFAULT_SIZE = 128;
  public static final int MIN_SIZE = 64;
  public static final int MAX_SIZE = 2048;
  public static final int DEFAULT_MIN_OBJECTS = 4;
  public static final int DEFAULT_MAX_OBJECTS = 6;
  public static final int DEFAULT_CHANGED_OBJECTS = 2;
  /** More objects do not fit the ground plane without overlapping. */
  public static final int MAX_OBJECTS = 8;

  public SceneOptions {
    requireBetween("width", width, MIN_SIZE, MAX_SIZE);
    requireBetween("height", height, MIN_SIZE, MAX_SIZE);
    requireBetween("minObjects", minObjects, 1, MAX_OBJECTS);
    requireBetween("maxObjects", maxObjects, minObjects, MAX_OBJECTS);
    requireBetween("changedObjects", changedObjects, 1, minObjects);
  }

  /** The CLEVR-style defaults: 128×128, 4–6 objects, 2 changed. */
  public static SceneOptions defaults() {
    return new SceneOptions(DEFAULT_SIZE, DEFAULT_SIZE, DEFAULT_MIN_OBJECTS, DEFAULT_MAX_OBJECTS,
        DEFAULT_CHANGED_OBJECTS);
  }

  /** The defaults at another resolution. */
  public static SceneOptions ofSize(int width, int height) {
    return new SceneOptions(width, height, DEFAULT_MIN_OBJECTS, DEFAULT_MAX_OBJECTS, DEFAULT_CHANGED_OBJECTS);
  }

  private static void requireBetween(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          "scene option " + name + " must be between " + min + " and " + max + ", got " + value);
    }
  }
}
