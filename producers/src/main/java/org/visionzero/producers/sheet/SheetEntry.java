package org.visionzero.producers.sheet;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.visionzero.blob.BlobStore;
import org.visionzero.events.Difference;
import org.visionzero.events.ImagePairCreated;
import org.visionzero.producers.pairs.ImagePair;

/** One pair on a contact sheet: both images, what differs, and how it was made. */
public record SheetEntry(String title, byte[] originalPng, byte[] modifiedPng, int width, int height,
                         List<Difference> differences, String spyHint, Optional<String> broken) {

  public SheetEntry {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(originalPng, "originalPng");
    Objects.requireNonNull(modifiedPng, "modifiedPng");
    differences = List.copyOf(differences);
    Objects.requireNonNull(spyHint, "spyHint");
    Objects.requireNonNull(broken, "broken");
  }

  /** A freshly generated pair. */
  public static SheetEntry of(ImagePair pair) {
    return new SheetEntry(pair.origin(), pair.originalPng(), pair.modifiedPng(), pair.width(), pair.height(),
        pair.differences(), pair.spyHint(), pair.broken());
  }

  /** A published pair, its images read (and verified) from the blob store. */
  public static SheetEntry of(ImagePairCreated event, BlobStore blobs) throws IOException {
    String title = event.getSource().name().toLowerCase(Locale.ROOT) + " seed " + event.getSeed()
        + " pair " + event.getPairId().substring(0, 12) + (event.getHeldOut() ? " (held out)" : "");
    return new SheetEntry(title, blobs.get(event.getOriginal()), blobs.get(event.getModified()), event.getWidth(),
        event.getHeight(), event.getDifferences(), event.getSpyHint(), Optional.ofNullable(event.getBroken()));
  }
}
