package org.visionzero.streams.coordinator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.visionzero.deadletter.InvalidRecordException;
import org.visionzero.events.BlobRef;
import org.visionzero.events.CheckpointPublished;

/**
 * A {@link CheckpointBlobCheck} that remembers the blobs it found good, so that a checkpoint event read again (a
 * replay, a restart's re-read, one blob announced under two events) is not hashed again. Refusals are not
 * remembered: a blob restored after it was reported missing verifies on the next event that names it. The memory is
 * an optimisation, not state: what it answers follows from the blob store alone. Not thread-safe: one admission task
 * owns it.
 */
final class VerifiedCheckpointBlobs {
  /** Blobs remembered, the oldest forgotten first: far more than the versions a coordinator meets between restarts. */
  static final int REMEMBERED = 256;

  private final CheckpointBlobCheck check;
  private final Set<String> verified = Collections.newSetFromMap(new LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
      return size() > REMEMBERED;
    }
  });

  VerifiedCheckpointBlobs(CheckpointBlobCheck check) {
    this.check = check;
  }

  /** Why the checkpoint's blob must not be believed, or empty when it verifies (now or before). */
  Optional<InvalidRecordException> problem(CheckpointPublished checkpoint) {
    String blob = identity(checkpoint.getCheckpoint());
    if (verified.contains(blob)) {
      return Optional.empty();
    }
    Optional<InvalidRecordException> problem = check.problem(checkpoint);
    if (problem.isEmpty()) {
      verified.add(blob);
    }
    return problem;
  }

  /** The uri and the hash together: a reference pointing one blob's uri at another hash is a different claim. */
  private static String identity(BlobRef blob) {
    return blob.getUri() + "#" + blob.getSha256();
  }
}
