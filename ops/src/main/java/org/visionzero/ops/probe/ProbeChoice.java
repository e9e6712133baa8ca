package org.visionzero.ops.probe;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * One choice of an item: a caption for an image; the model's answer is the choice whose caption it finds most
 * likely for its image.
 *
 * @param image the image (null: blank, the no-image control)
 * @param words the caption, in the model's vocabulary
 */
public record ProbeChoice(BufferedImage image, List<String> words) {
  public ProbeChoice {
    words = List.copyOf(words);
  }

  /** The same caption for a blank image. */
  public ProbeChoice blank() {
    return new ProbeChoice(null, words);
  }
}
