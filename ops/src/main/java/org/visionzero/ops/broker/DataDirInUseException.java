package org.visionzero.ops.broker;

import java.nio.file.Path;

/** A second broker tried to start on a data directory that another broker (in any process) holds. */
public final class DataDirInUseException extends IllegalStateException {

  private final Path dataDir;

  public DataDirInUseException(Path dataDir, Path lockFile) {
    super("Kafka data directory " + dataDir + " is already in use by another running broker (lock held on "
        + lockFile + "). Stop that broker first, or start this one with another --data-dir.");
    this.dataDir = dataDir;
  }

  public Path dataDir() {
    return dataDir;
  }
}
