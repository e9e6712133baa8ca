package org.visionzero.trainer.inputs;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * The decoded images of one pair.
 *
 * @param original what civilians and the observer see
 * @param modified what the spy sees (code mode)
 * @param spyHint  the rules sentence about what differs
 */
public record PairPictures(BufferedImage original, BufferedImage modified, String spyHint) {
  public PairPictures {
    Objects.requireNonNull(original, "original");
    Objects.requireNonNull(modified, "modified");
    Objects.requireNonNull(spyHint, "spyHint");
  }
}
