package org.visionzero.blob;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.visionzero.events.BlobRef;

/**
 * Content-addressed storage for images and checkpoints. Events carry {@link BlobRef}s, never bytes.
 *
 * <p>Implementations must be safe to share between threads and processes: a blob is immutable once
 * written, a write is atomic (readers never see half a blob), and a read verifies the sha256 of what it
 * returns. The file-system store is the default; an object store can implement the same contract.
 */
public interface BlobStore {

  /** Stores the bytes (idempotent: the same content gives the same reference) and returns its reference. */
  BlobRef put(byte[] bytes, String mediaType) throws IOException;

  /**
   * Reads a blob and verifies it.
   *
   * @throws BlobNotFoundException if no blob has that hash
   * @throws BlobIntegrityException if the stored bytes do not hash to the reference
   * @throws IllegalArgumentException if the reference is malformed or points outside the store
   */
  byte[] get(BlobRef ref) throws IOException;

  /**
   * Checks that a blob is stored and hashes to its reference, without handing its bytes out: what a reader that
   * only vouches for a reference (the coordinator, for each checkpoint event) needs. Throws as {@link #get} does.
   */
  default void verify(BlobRef ref) throws IOException {
    get(ref);
  }

  /** True when a blob with the reference's hash is stored (its integrity is checked by {@link #get}). */
  boolean contains(BlobRef ref);

  /** The file holding the blob, for stores on a local file system (contact sheets, exports link to it). */
  default Optional<Path> localPath(BlobRef ref) {
    return Optional.empty();
  }
}
