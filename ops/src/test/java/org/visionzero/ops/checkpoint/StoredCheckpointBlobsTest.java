package org.visionzero.ops.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visionzero.blob.FileBlobStore;
import org.visionzero.deadletter.InvalidRecordException;
import org.visionzero.events.BlobRef;
import org.visionzero.events.CheckpointPublished;
import org.visionzero.events.PolicyRef;
import org.visionzero.hash.Sha256;

class StoredCheckpointBlobsTest {
  @TempDir
  Path root;

  @Test
  void givenAStoredCheckpoint_whenChecked_thenNoProblem() throws Exception {
    FileBlobStore store = new FileBlobStore(root);
    BlobRef ref = store.put(new byte[] {1, 2, 3, 4}, "application/octet-stream");

    assertThat(new StoredCheckpointBlobs(store).problem(checkpoint(ref))).isEmpty();
  }

  @Test
  void givenABlobNobodyStored_whenChecked_thenMissing() {
    String sha = Sha256.hex(new byte[] {9});
    BlobRef ref = new BlobRef(FileBlobStore.URI_PREFIX + sha, sha, "application/octet-stream", 1L);

    assertThat(new StoredCheckpointBlobs(new FileBlobStore(root)).problem(checkpoint(ref)))
        .get().extracting(InvalidRecordException::reason).isEqualTo(StoredCheckpointBlobs.MISSING);
  }

  @Test
  void givenStoredBytesChangedOnDisk_whenChecked_thenTampered() throws Exception {
    FileBlobStore store = new FileBlobStore(root);
    BlobRef ref = store.put(new byte[] {1, 2, 3, 4}, "application/octet-stream");
    Files.write(store.localPath(ref).orElseThrow(), new byte[] {1, 2, 3, 5});

    assertThat(new StoredCheckpointBlobs(store).problem(checkpoint(ref)))
        .get().satisfies(e -> {
          assertThat(e.reason()).isEqualTo(StoredCheckpointBlobs.TAMPERED);
          assertThat(e.getMessage()).contains("vz@7").contains("hash to");
        });
  }

  @Test
  void givenARealBlobsUriUnderAnotherHash_whenChecked_thenTampered() throws Exception {
    FileBlobStore store = new FileBlobStore(root);
    BlobRef real = store.put(new byte[] {1, 2, 3, 4}, "application/octet-stream");
    BlobRef forged = BlobRef.newBuilder(real).setSha256(Sha256.hex(new byte[] {8})).build();

    assertThat(new StoredCheckpointBlobs(store).problem(checkpoint(forged)))
        .get().extracting(InvalidRecordException::reason).isEqualTo(StoredCheckpointBlobs.TAMPERED);
  }

  private static CheckpointPublished checkpoint(BlobRef blob) {
    return CheckpointPublished.newBuilder().setEventId("checkpoint/vz/7").setOccurredAt(Instant.EPOCH)
        .setPolicy(new PolicyRef("vz", 7)).setCheckpoint(blob).setTrainerStep(70L).setParentVersion(6)
        .setArchitecture("test").setRunId("run-1").setHistory(Map.of()).build();
  }
}
