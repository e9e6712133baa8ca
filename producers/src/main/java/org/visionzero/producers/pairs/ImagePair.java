package org.visionzero.producers.pairs;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.visionzero.events.Difference;
import org.visionzero.events.ImageSource;

/**
 * One generated pair, ready to publish: both images as PNG bytes and the ground truth of what differs.
 *
 * @param origin         what the pair came from, for people: e.g. "scenes seed 42" or a photo's path
 * @param sceneGraphJson the scene graph contract (synthetic scenes only)
 * @param broken         "blank" or "identical" when the pair was broken on purpose
 */
public record ImagePair(ImageSource source, long seed, String origin, byte[] originalPng, byte[] modifiedPng,
                        int width, int height, List<Difference> differences, String spyHint,
                        Optional<String> sceneGraphJson, Optional<String> broken) {

  public ImagePair {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(originalPng, "originalPng");
    Objects.requireNonNull(modifiedPng, "modifiedPng");
    differences = List.copyOf(Objects.requireNonNull(differences, "differences"));
    Objects.requireNonNull(spyHint, "spyHint");
    Objects.requireNonNull(sceneGraphJson, "sceneGraphJson");
    Objects.requireNonNull(broken, "broken");
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
    }
  }

  /** The same pair with another modified image and differences, marked broken with the given kind. */
  public ImagePair asBroken(String kind, byte[] newModifiedPng, List<Difference> newDifferences) {
    return new ImagePair(source, seed, origin, originalPng, newModifiedPng, width, height, newDifferences, spyHint,
        sceneGraphJson, Optional.of(kind));
  }
}
