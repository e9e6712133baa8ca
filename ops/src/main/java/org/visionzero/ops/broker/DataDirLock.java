package org.visionzero.ops.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive OS-level lock on a broker data directory. It is taken before anything in the directory is read
 * or written, so a second broker is refused before it can touch (and damage) the first one's logs.
 */
public final class DataDirLock implements AutoCloseable {

  static final String LOCK_FILE_NAME = "vz-broker.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private DataDirLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Locks {@code dataDir} (creating it if needed) or throws {@link DataDirInUseException}. */
  public static DataDirLock acquire(Path dataDir) {
    Path lockFile = dataDir.resolve(LOCK_FILE_NAME);
    FileChannel channel = null;
    try {
      Files.createDirectories(dataDir);
      channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        throw new DataDirInUseException(dataDir, lockFile);
      }
      return new DataDirLock(channel, lock);
    } catch (OverlappingFileLockException heldInThisJvm) {
      closeQuietly(channel);
      throw new DataDirInUseException(dataDir, lockFile);
    } catch (DataDirInUseException inUse) {
      closeQuietly(channel);
      throw inUse;
    } catch (IOException e) {
      closeQuietly(channel);
      throw new UncheckedIOException("Cannot lock Kafka data directory " + dataDir + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException e) {
      // Closing the channel below releases the lock anyway.
    } finally {
      closeQuietly(channel);
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException ignored) {
      // Nothing more to release.
    }
  }
}
