package org.visionzero.producers.publish;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What `vz produce` does: {@code --source scenes|charts|photos [--dir D] --count N [--rate R] [--seed S]}.
 *
 * @param directory    folder of photos (photos only)
 * @param count        pairs to produce
 * @param ratePerSecond most pairs per second, 0 for as fast as possible
 * @param seed         seed of the first pair; pair i uses seed + i
 * @param width        image width in pixels
 * @param height       image height in pixels
 * @param brokenShare  share of pairs broken on purpose (blank or identical), 0..1
 * @param heldOutShare share of pairs reserved for evaluation (by pair id), 0..1
 */
public record ProduceOptions(SourceKind source, Optional<Path> directory, long count, double ratePerSecond,
                             long seed, int width, int height, double brokenShare, double heldOutShare) {

  public static final int DEFAULT_SIZE = 128;
  public static final double DEFAULT_HELD_OUT_SHARE = 0.1;

  public ProduceOptions {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(directory, "directory");
    if (source == SourceKind.PHOTOS && directory.isEmpty()) {
      throw new IllegalArgumentException("--source photos needs --dir pointing at a folder of JPEG/PNG images");
    }
    if (source != SourceKind.PHOTOS && directory.isPresent()) {
      throw new IllegalArgumentException("--dir is only used with --source photos, not " + source.word());
    }
    directory.ifPresent(dir -> {
      if (!Files.isDirectory(dir)) {
        throw new IllegalArgumentException("--dir " + dir + " does not exist or is not a directory");
      }
    });
    if (count <= 0) {
      throw new IllegalArgumentException("--count must be positive, got " + count);
    }
    if (!(ratePerSecond >= 0) || Double.isInfinite(ratePerSecond)) {
      throw new IllegalArgumentException("--rate must be 0 (unlimited) or a positive number, got " + ratePerSecond);
    }
    requireShare("broken share", brokenShare);
    requireShare("held-out share", heldOutShare);
  }

  /** Defaults for a generated source: 128×128, unlimited rate, no broken pairs, 10 % held out. */
  public static ProduceOptions of(SourceKind source, long count, long seed) {
    return new ProduceOptions(source, Optional.empty(), count, 0, seed, DEFAULT_SIZE, DEFAULT_SIZE, 0,
        DEFAULT_HELD_OUT_SHARE);
  }

  /** Defaults for a folder of photos. */
  public static ProduceOptions photos(Path directory, long count, long seed) {
    return new ProduceOptions(SourceKind.PHOTOS, Optional.of(directory), count, 0, seed, DEFAULT_SIZE,
        DEFAULT_SIZE, 0, DEFAULT_HELD_OUT_SHARE);
  }

  public ProduceOptions withRate(double newRate) {
    return new ProduceOptions(source, directory, count, newRate, seed, width, height, brokenShare, heldOutShare);
  }

  public ProduceOptions withSize(int newWidth, int newHeight) {
    return new ProduceOptions(source, directory, count, ratePerSecond, seed, newWidth, newHeight, brokenShare,
        heldOutShare);
  }

  public ProduceOptions withBrokenShare(double share) {
    return new ProduceOptions(source, directory, count, ratePerSecond, seed, width, height, share, heldOutShare);
  }

  public ProduceOptions withHeldOutShare(double share) {
    return new ProduceOptions(source, directory, count, ratePerSecond, seed, width, height, brokenShare, share);
  }

  private static void requireShare(String name, double share) {
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException(name + " must be between 0 and 1, got " + share);
    }
  }
}
