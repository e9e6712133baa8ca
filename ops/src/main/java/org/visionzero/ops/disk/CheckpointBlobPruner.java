package org.visionzero.ops.disk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.visionzero.blob.BlobStore;
import org.visionzero.events.BlobRef;
import org.visionzero.ops.threads.DaemonTimers;

/**
 * Deletes the checkpoint blobs that {@link CheckpointRetention} lets go, every {@code interval}, while a run goes
 * on. The events stay: the compacted {@code vz.checkpoints} record's history still names the deleted versions, so
 * each deletion is logged with the versions (a turn pinned to one of them goes to the dead letters as
 * {@code policy-unavailable} and its game ends aborted; replay, re-score and export read only the log and images). Only blobs of a local store are deleted; images are never candidates.
 */
public final class CheckpointBlobPruner implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CheckpointBlobPruner.class);
  private static final double MIB = 1024.0 * 1024.0;

  private final BlobStore blobs;
  private final CheckpointRetention retention;
  private final Supplier<Map<Integer, BlobRef>> published;
  private final Supplier<Set<Integer>> inUse;
  private final Set<String> deleted = new HashSet<>();
  private final AtomicLong deletedCount = new AtomicLong();
  private final AtomicLong deletedBytes = new AtomicLong();
  private ScheduledExecutorService timer;

  public CheckpointBlobPruner(BlobStore blobs, CheckpointRetention retention,
      Supplier<Map<Integer, BlobRef>> published, Supplier<Set<Integer>> inUse) {
    this.blobs = blobs;
    this.retention = retention;
    this.published = published;
    this.inUse = inUse;
  }

  /** Prunes every {@code interval} on a daemon thread until closed. */
  public CheckpointBlobPruner start(Duration interval) {
    timer = DaemonTimers.named("vz-checkpoint-pruner");
    timer.scheduleWithFixedDelay(this::pruneLogged, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  private void pruneLogged() {
    try {
      pruneOnce();
    } catch (RuntimeException e) {
      LOG.warn("checkpoint pruning failed this time ({}); the blobs stay until the next try", e.toString());
    }
  }

  /** One pass; returns how many blobs it deleted. */
  public synchronized int pruneOnce() {
    List<CheckpointRetention.Expired> expired = retention.expired(published.get(), inUse.get());
    int first = Integer.MAX_VALUE;
    int last = Integer.MIN_VALUE;
    int count = 0;
    long bytes = 0;
    for (CheckpointRetention.Expired checkpoint : expired) {
      String sha = checkpoint.blob().getSha256();
      if (deleted.contains(sha)) {
        continue;
      }
      Optional<Path> file = blobs.localPath(checkpoint.blob());
      try {
        if (file.isPresent()) {
          long size = Files.size(file.get());
          if (Files.deleteIfExists(file.get())) {
            bytes += size;
            count++;
            first = Math.min(first, checkpoint.version());
            last = Math.max(last, checkpoint.version());
          }
        }
        deleted.add(sha);
      } catch (IOException e) {
        LOG.warn("could not delete the checkpoint blob of v{} ({}): {}", checkpoint.version(), file.orElse(null),
            e.toString());
      }
    }
    if (count > 0) {
      deletedCount.addAndGet(count);
      deletedBytes.addAndGet(bytes);
      LOG.info("deleted {} checkpoint blob(s) between v{} and v{} ({} MiB; checkpoint.blobs.keep); the checkpoint "
          + "topic's history still lists them, a turn pinned to one of them would go to "
          + "the dead letters (policy-unavailable)",
          count, first, last, String.format(java.util.Locale.ROOT, "%.1f", bytes / MIB));
    }
    return count;
  }

  /** Checkpoint blobs deleted so far. */
  public long deletedCount() {
    return deletedCount.get();
  }

  /** Bytes of the checkpoint blobs deleted so far. */
  public long deletedBytes() {
    return deletedBytes.get();
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
