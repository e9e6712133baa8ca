package org.visionzero.ops.disk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visionzero.blob.FileBlobStore;
import org.visionzero.events.BlobRef;

class CheckpointBlobPrunerTest {

  @TempDir
  Path dir;

  @Test
  void shouldDeleteExpiredCheckpointBlobsOnceAndLeaveImagesAndKeptOnes() throws Exception {
    FileBlobStore store = new FileBlobStore(dir);
    BlobRef image = store.put("an image".getBytes(StandardCharsets.UTF_8), "image/png");
    Map<Integer, BlobRef> published = new TreeMap<>();
    for (int v = 0; v <= 5; v++) {
      published.put(v, store.put(("checkpoint " + v).getBytes(StandardCharsets.UTF_8), "application/x-vz"));
    }
    CheckpointBlobPruner pruner = new CheckpointBlobPruner(store, new CheckpointRetention(2), () -> published,
        () -> Set.of(0, 2));

    assertThat(pruner.pruneOnce()).isEqualTo(2);
    assertThat(pruner.pruneOnce()).isZero();

    assertThat(published.entrySet()).allSatisfy(entry -> assertThat(store.contains(entry.getValue()))
        .as("v%d kept", entry.getKey()).isEqualTo(!Set.of(1, 3).contains(entry.getKey())));
    assertThat(store.contains(image)).isTrue();
    assertThat(pruner.deletedCount()).isEqualTo(2);
    assertThat(pruner.deletedBytes()).isEqualTo(2L * "checkpoint 1".length());
  }
}
