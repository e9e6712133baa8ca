package org.visionzero.ops.checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;
import org.visionzero.blob.BlobIntegrityException;
import org.visionzero.blob.BlobNotFoundException;
import org.visionzero.blob.BlobStore;
import org.visionzero.deadletter.InvalidRecordException;
import org.visionzero.events.CheckpointPublished;
import org.visionzero.streams.coordinator.CheckpointBlobCheck;

/**
 * The coordinator's check of a checkpoint event's blob against the deployment's blob store: stored, and hashing to
 * the sha256 the event names ({@link BlobStore#verify}: one streaming hash, the model never loaded). The reasons are
 * the ones the workers' refusals already have ({@code checkpoint-blob-missing}, {@code checkpoint-blob-tampered};
 * ops/RUNBOOK.md, "Dead-letter reasons").
 */
public final class StoredCheckpointBlobs implements CheckpointBlobCheck {
  /** Dead-letter reasons, shared with the workers' refusals ({@code SpecificReason}). */
  public static final String MISSING = "checkpoint-blob-missing";
  public static final String TAMPERED = "checkpoint-blob-tampered";

  private final BlobStore blobs;

  public StoredCheckpointBlobs(BlobStore blobs) {
    this.blobs = Objects.requireNonNull(blobs, "blobs");
  }

  @Override
  public Optional<InvalidRecordException> problem(CheckpointPublished checkpoint) {
    String what = "checkpoint " + checkpoint.getPolicy().getName() + "@" + checkpoint.getPolicy().getVersion()
        + " (" + checkpoint.getCheckpoint().getUri() + ")";
    try {
      blobs.verify(checkpoint.getCheckpoint());
      return Optional.empty();
    } catch (BlobNotFoundException e) {
      return Optional.of(new InvalidRecordException(MISSING, what + " is not in the blob store (" + e.getMessage()
          + "): restore the blob, or give this coordinator the --blob-dir the trainer writes to"));
    } catch (BlobIntegrityException e) {
      return Optional.of(new InvalidRecordException(TAMPERED, what + " does not match its sha256: "
          + e.getMessage()));
    } catch (IllegalArgumentException e) {
      // a hash that is not one, or a uri naming another blob than the hash: not a reference the store wrote
      return Optional.of(new InvalidRecordException(TAMPERED, what + " does not match its sha256 "
          + checkpoint.getCheckpoint().getSha256() + ": " + e.getMessage()));
    } catch (IOException | UncheckedIOException e) {
      return Optional.of(new InvalidRecordException(MISSING, what + " cannot be read from the blob store: " + e
          + "; check the blob directory, then publish the checkpoint again"));
    }
  }
}
