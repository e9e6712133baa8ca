package org.visionzero.ops.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.visionzero.files.Directories;

/**
 * A temporary directory that is deleted, with everything in it, when closed: benchmarks start brokers and write
 * blobs (a pipeline bench writes about 170 MB) and must not leave them in the temp directory.
 */
public final class ScratchDir implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ScratchDir.class);
  private final Path path;

  private ScratchDir(Path path) {
    this.path = path;
  }

  /** A new directory in the system temp directory, named after {@code prefix}. */
  public static ScratchDir create(String prefix) {
    try {
      return new ScratchDir(Files.createTempDirectory(prefix));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory: " + e.getMessage(), e);
    }
  }

  public Path path() {
    return path;
  }

  /** Deletes the directory and its content; what cannot be deleted is logged, not thrown. */
  @Override
  public void close() {
    try {
      Directories.deleteRecursively(path);
    } catch (IOException e) {
      LOG.warn("temporary directory {} was not deleted completely ({}); delete it by hand", path, e.getMessage());
    }
  }
}
