package org.visionzero.workers.policy;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.visionzero.events.BlobRef;
import org.visionzero.events.CheckpointPublished;

/**
 * Every checkpoint this worker has heard of, by version, so that a version pinned by an evaluation game can
 * be loaded on demand, including earlier versions listed in a checkpoint's history after compaction.
 * Written by the checkpoint watcher, read by the worker thread.
 */
public final class CheckpointIndex {
  private final Map<VersionKey, KnownCheckpoint> known = new ConcurrentHashMap<>();

  /** Records the published version and the earlier versions it lists (same architecture). */
  public void record(CheckpointPublished event) {
    String name = event.getPolicy().getName();
    String architecture = event.getArchitecture();
    known.put(new VersionKey(name, event.getPolicy().getVersion()),
        new KnownCheckpoint(event.getCheckpoint(), architecture));
    for (Map.Entry<String, BlobRef> earlier : event.getHistory().entrySet()) {
      try {
        VersionKey key = new VersionKey(name, Integer.parseInt(earlier.getKey()));
        known.putIfAbsent(key, new KnownCheckpoint(earlier.getValue(), architecture));
      } catch (NumberFormatException e) {
        // A history key that is not a version number names nothing we could pin: skip it.
      }
    }
  }

  public Optional<KnownCheckpoint> find(VersionKey key) {
    return Optional.ofNullable(known.get(key));
  }
}
