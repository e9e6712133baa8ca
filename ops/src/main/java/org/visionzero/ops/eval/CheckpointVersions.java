package org.visionzero.ops.eval;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.visionzero.deadletter.InvalidRecordException;
import org.visionzero.events.BlobRef;
import org.visionzero.events.CheckpointPublished;
import org.visionzero.sign.CheckpointBelief;

/**
 * The versions of the evaluated policy read from the checkpoint topic: the newest, and the first checkpoint
 * event of each (its publication time and trainer step say when the weights existed). Other policies' checkpoints
 * are ignored, and so is a version the coordinator does not believe either ({@link CheckpointBelief}: its parent
 * is newer than any version read). Not thread-safe: the evaluator guards it.
 */
final class CheckpointVersions {
  private static final Logger LOG = LoggerFactory.getLogger(CheckpointVersions.class);

  /** {@link #latest()} before any version was read. */
  static final int NONE = -1;

  private final String policyName;
  private final Map<Integer, CheckpointPublished> byVersion = new HashMap<>();
  private int latest = NONE;

  CheckpointVersions(String policyName) {
    this.policyName = policyName;
  }

  void add(CheckpointPublished checkpoint) {
    if (!checkpoint.getPolicy().getName().equals(policyName)) {
      return;
    }
    Optional<InvalidRecordException> doubt = CheckpointBelief.doubt(checkpoint, latest == NONE ? null : latest);
    if (doubt.isPresent()) {
      // the coordinator dead-letters it; evaluating it would request games no worker can play
      LOG.warn("not evaluating checkpoint {}: {}", checkpoint.getEventId(), doubt.get().getMessage());
      return;
    }
    int version = checkpoint.getPolicy().getVersion();
    latest = Math.max(latest, version);
    byVersion.putIfAbsent(version, checkpoint);
  }

  /** The newest version read, or {@link #NONE}. */
  int latest() {
    return latest;
  }

  Optional<CheckpointPublished> checkpoint(int version) {
    return Optional.ofNullable(byVersion.get(version));
  }

  /** The checkpoint blob of every version read, by version. */
  SortedMap<Integer, BlobRef> blobs() {
    SortedMap<Integer, BlobRef> blobs = new TreeMap<>();
    byVersion.forEach((version, event) -> blobs.put(version, event.getCheckpoint()));
    return blobs;
  }
}
