package org.visionzero.producers.photos;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How photos are turned into pairs.
 *
 * @param directory    folder of JPEG/PNG images (searched recursively, hidden files skipped)
 * @param width        output width: photos are scaled to cover it and centre-cropped
 * @param height       output height
 * @param maxEdits     most local edits per pair (at least one is always made)
 * @param maxFileBytes files larger than this are refused (dead-lettered) unread
 * @param maxPixels    images whose header declares more pixels than this are refused before decoding
 */
public record PhotoOptions(Path directory, int width, int height, int maxEdits, long maxFileBytes, long maxPixels) {

  public static final int DEFAULT_SIZE = 128;
  public static final int MIN_SIZE = 32;
  public static final int MAX_SIZE = 2048;
  public static final int DEFAULT_MAX_EDITS = 2;
  /** More edits than this do not fit next to each other at small sizes. */
  public static final int MAX_EDITS = 4;
  public static final long DEFAULT_MAX_FILE_BYTES = 20L * 1024 * 1024;
  public static final long DEFAULT_MAX_PIXELS = 40_000_000L;

  public PhotoOptions {
    Objects.requireNonNull(directory, "directory");
    if (!Files.isDirectory(directory)) {
      throw new IllegalArgumentException("photo directory " + directory + " does not exist or is not a directory");
    }
    requireBetween("width", width, MIN_SIZE, MAX_SIZE);
    requireBetween("height", height, MIN_SIZE, MAX_SIZE);
    requireBetween("maxEdits", maxEdits, 1, MAX_EDITS);
    if (maxFileBytes <= 0 || maxPixels <= 0) {
      throw new IllegalArgumentException("maxFileBytes and maxPixels must be positive, got " + maxFileBytes
          + " and " + maxPixels);
    }
  }

  /** Defaults for a folder: 128×128, up to 2 edits, files up to 20 MiB and 40 megapixels. */
  public static PhotoOptions of(Path directory) {
    return new PhotoOptions(directory, DEFAULT_SIZE, DEFAULT_SIZE, DEFAULT_MAX_EDITS, DEFAULT_MAX_FILE_BYTES,
        DEFAULT_MAX_PIXELS);
  }

  /** The same options at another output size. */
  public PhotoOptions withSize(int newWidth, int newHeight) {
    return new PhotoOptions(directory, newWidth, newHeight, maxEdits, maxFileBytes, maxPixels);
  }

  private static void requireBetween(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          "photo option " + name + " must be between " + min + " and " + max + ", got " + value);
    }
  }
}
