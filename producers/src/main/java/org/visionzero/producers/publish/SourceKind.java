package org.visionzero.producers.publish;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.visionzero.events.ImageSource;

/** The sources `vz produce --source` accepts. */
public enum SourceKind {
  SCENES(ImageSource.SCENES), CHARTS(ImageSource.CHARTS), PHOTOS(ImageSource.PHOTOS);

  private final ImageSource imageSource;

  SourceKind(ImageSource imageSource) {
    this.imageSource = imageSource;
  }

  public ImageSource imageSource() {
    return imageSource;
  }

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses "scenes", "charts" or "photos" (any case); the message lists the choices otherwise. */
  public static SourceKind parse(String text) {
    for (SourceKind kind : values()) {
      if (kind.word().equals(text == null ? "" : text.trim().toLowerCase(Locale.ROOT))) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown source '" + text + "': choose one of "
        + Arrays.stream(values()).map(SourceKind::word).collect(Collectors.joining(", ")));
  }
}
