package org.visionzero.streams.coordinator;

import java.util.Optional;
import org.visionzero.deadletter.InvalidRecordException;
import org.visionzero.events.CheckpointPublished;

/**
 * Whether the blob a checkpoint event names is stored and is the bytes its sha256 says. The coordinator asks it of
 * every checkpoint event it reads, so a missing or tampered checkpoint is dead-lettered against its own record even
 * when it is never the newest version (a worker loads only the newest). Streams reads no blobs itself (the module
 * rules, ARCHITECTURE.md): {@code ops} implements this over the deployment's blob store and hands it in.
 */
@FunctionalInterface
public interface CheckpointBlobCheck {

  /** Checks no blob: a coordinator given no blob store (topology tests, embeddings) believes every reference. */
  CheckpointBlobCheck NONE = checkpoint -> Optional.empty();

  /**
   * Why the checkpoint's blob must not be believed, as an {@link InvalidRecordException} whose reason is
   * {@code checkpoint-blob-missing} or {@code checkpoint-blob-tampered}; empty when the blob verifies. Must hash
   * the blob at most once and never load the model; must not throw for anything about the blob.
   */
  Optional<InvalidRecordException> problem(CheckpointPublished checkpoint);
}
