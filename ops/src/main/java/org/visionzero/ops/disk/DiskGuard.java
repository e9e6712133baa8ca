package org.visionzero.ops.disk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Watches the free space of the disk a run writes to, so that the run can stop cleanly (and still write its
 * summary) before Kafka, RocksDB or the blob store fail on a full disk. A threshold of 0 turns it off.
 */
public final class DiskGuard {

  private static final long MIB = 1024L * 1024L;

  private final Path dir;
  private final LongSupplier freeBytes;
  private final long minFreeBytes;

  /**
   * @param dir          the directory watched (named in the message)
   * @param freeBytes    the usable bytes of its file system, sampled on every {@link #check()}
   * @param minFreeBytes below this the disk is low; 0 never
   */
  public DiskGuard(Path dir, LongSupplier freeBytes, long minFreeBytes) {
    this.dir = Objects.requireNonNull(dir, "dir");
    this.freeBytes = Objects.requireNonNull(freeBytes, "freeBytes");
    if (minFreeBytes < 0) {
      throw new IllegalArgumentException("minimum free bytes must be >= 0, was " + minFreeBytes);
    }
    this.minFreeBytes = minFreeBytes;
  }

  /** A guard on the file system holding {@code dir} (created if missing, so that it can be asked). */
  public static DiskGuard of(Path dir, long minFreeBytes) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data directory " + dir + ": " + e.getMessage(), e);
    }
    return new DiskGuard(dir, () -> usableSpace(dir), minFreeBytes);
  }

  private static long usableSpace(Path dir) {
    try {
      return Files.getFileStore(dir).getUsableSpace();
    } catch (IOException e) {
      // a disk that cannot be asked is not known to be full; the components will report real write errors
      return Long.MAX_VALUE;
    }
  }

  /** Empty while there is room; else why the run must stop, with the figures and what to do. */
  public Optional<String> check() {
    if (minFreeBytes == 0) {
      return Optional.empty();
    }
    long free = freeBytes.getAsLong();
    if (free >= minFreeBytes) {
      return Optional.empty();
    }
    return Optional.of("only " + free / MIB + " MiB free on the disk of " + dir + ", below disk.min.free.mb = "
        + minFreeBytes / MIB + ": free space (ops/RUNBOOK.md, \"Recover from a full disk\") or lower "
        + "checkpoint.blobs.keep, then start the run again with the same --run-id to continue");
  }
}
