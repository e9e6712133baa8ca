package org.visionzero.ops.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.visionzero.hash.Sha256;

/**
 * The sha256 of a v0 checkpoint file, kept beside it as {@code FILE.sha256} (one line of lower-case hex, as
 * {@code sha256sum} prints it): {@code vz pretrain} writes it, and {@code vz run --v0 FILE} refuses a file that
 * no longer matches it.
 */
public final class CheckpointHash {
  /** The suffix of the file that holds a checkpoint's sha256. */
  public static final String SUFFIX = ".sha256";

  private CheckpointHash() {}

  /** Where the sha256 of {@code checkpoint} is kept. */
  public static Path sidecar(Path checkpoint) {
    return checkpoint.resolveSibling(checkpoint.getFileName() + SUFFIX);
  }

  /** Writes the sha256 of {@code bytes} (the content of {@code checkpoint}) beside it; returns the hash. */
  public static String write(Path checkpoint, byte[] bytes) {
    String hash = Sha256.hex(bytes);
    try {
      Files.writeString(sidecar(checkpoint), hash + "\n", StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + sidecar(checkpoint) + ": " + e.getMessage(), e);
    }
    return hash;
  }

  /** The file's bytes, checked against its {@code .sha256} file when there is one. */
  public static byte[] readVerified(Path checkpoint) {
    if (!Files.isRegularFile(checkpoint)) {
      throw new IllegalArgumentException("the v0 checkpoint " + checkpoint.toAbsolutePath() + " (--v0 or "
          + "v0.checkpoint) is not a file");
    }
    try {
      byte[] bytes = Files.readAllBytes(checkpoint);
      Optional<String> expected = expected(checkpoint);
      if (expected.isEmpty()) {
        return bytes;
      }
      return verified(bytes, expected.get(), "the v0 checkpoint " + checkpoint.toAbsolutePath(),
          "use the file its " + SUFFIX + " was written for, or delete " + sidecar(checkpoint).getFileName()
              + " if you changed the checkpoint on purpose");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the v0 checkpoint " + checkpoint + ": " + e.getMessage(), e);
    }
  }

  /**
   * {@code bytes} when their sha256 is {@code expected}; else a refusal that names {@code what}, both hashes and
   * {@code fix}.
   */
  static byte[] verified(byte[] bytes, String expected, String what, String fix) {
    String actual = Sha256.hex(bytes);
    if (!actual.equals(expected)) {
      throw new IllegalStateException(what + " has sha256 " + actual + ", not " + expected
          + ": it was damaged or replaced, and is refused rather than trained from; " + fix);
    }
    return bytes;
  }

  private static Optional<String> expected(Path checkpoint) throws IOException {
    Path file = sidecar(checkpoint);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
    String hash = text.isEmpty() ? "" : text.split("\\s+")[0].toLowerCase(Locale.ROOT);
    if (!Sha256.isValid(hash)) {
      throw new IllegalStateException(file.toAbsolutePath() + " does not start with a sha256 (64 hex "
          + "characters): write it with 'sha256sum " + checkpoint.getFileName() + " > " + file.getFileName()
          + "' or delete it");
    }
    return Optional.of(hash);
  }
}
