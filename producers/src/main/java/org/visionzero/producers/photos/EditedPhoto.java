package org.visionzero.producers.photos;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;
import org.visionzero.events.Difference;

/** A photo after its local edits, with one difference per edited region. */
public record EditedPhoto(BufferedImage original, BufferedImage modified, List<Difference> differences) {

  public EditedPhoto {
    Objects.requireNonNull(original, "original");
    Objects.requireNonNull(modified, "modified");
    differences = List.copyOf(Objects.requireNonNull(differences, "differences"));
  }
}
