package org.visionzero.ops.run;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a run's v0 comes from (setting {@code v0.checkpoint}, flag {@code --v0}): the v0 shipped with vz
 * ({@value #SHIPPED}, the default: self-play starts at once), one pretrained now ({@value #PRETRAIN}, within
 * {@code pretrain.budget}), or a checkpoint file.
 *
 * @param file the checkpoint file, for {@link Kind#FILE} only
 */
public record V0Choice(Kind kind, Optional<Path> file) {
  public static final String SHIPPED = "shipped";
  public static final String PRETRAIN = "pretrain";

  /** The three sources of v0. */
  public enum Kind { SHIPPED, PRETRAIN, FILE }

  public V0Choice {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(file, "file");
    if ((kind == Kind.FILE) != file.isPresent()) {
      throw new IllegalArgumentException("a file is given exactly when v0 comes from a file");
    }
  }

  /** "shipped", "pretrain", or a file path; blank means shipped. */
  public static V0Choice parse(String text) {
    String value = text == null ? "" : text.trim();
    if (value.isEmpty() || value.toLowerCase(Locale.ROOT).equals(SHIPPED)) {
      return new V0Choice(Kind.SHIPPED, Optional.empty());
    }
    if (value.toLowerCase(Locale.ROOT).equals(PRETRAIN)) {
      return new V0Choice(Kind.PRETRAIN, Optional.empty());
    }
    return new V0Choice(Kind.FILE, Optional.of(Path.of(value)));
  }

  public static V0Choice ofFile(Path file) {
    return new V0Choice(Kind.FILE, Optional.of(file));
  }

  public boolean pretrains() {
    return kind == Kind.PRETRAIN;
  }

  @Override
  public String toString() {
    return switch (kind) {
      case SHIPPED -> SHIPPED;
      case PRETRAIN -> PRETRAIN;
      case FILE -> file.orElseThrow().toString();
    };
  }
}
