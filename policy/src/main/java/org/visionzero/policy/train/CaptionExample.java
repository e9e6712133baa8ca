package org.visionzero.policy.train;

import java.awt.image.BufferedImage;
import java.util.Objects;
import org.visionzero.policy.scene.SceneFacts;

/** A rendered image pair with its scene graph: the unit of pretraining data and of simulated games. */
public record CaptionExample(BufferedImage original, BufferedImage modified, SceneFacts facts) {
  public CaptionExample {
    Objects.requireNonNull(original, "original");
    Objects.requireNonNull(modified, "modified");
    Objects.requireNonNull(facts, "facts");
  }
}
