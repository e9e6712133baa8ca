package org.visionzero.workers.policy;

import java.util.Objects;
import org.visionzero.events.BlobRef;

/**
 * Where one policy version's checkpoint lives, as announced on {@code vz.checkpoints}.
 *
 * @param blob         the checkpoint blob (its sha256 is verified before loading)
 * @param architecture the architecture fingerprint the publisher declared
 */
public record KnownCheckpoint(BlobRef blob, String architecture) {
  public KnownCheckpoint {
    Objects.requireNonNull(blob, "blob");
    Objects.requireNonNull(architecture, "architecture");
  }
}
