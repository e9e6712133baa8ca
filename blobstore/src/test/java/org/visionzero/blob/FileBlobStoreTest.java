package org.visionzero.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visionzero.events.BlobRef;
import org.visionzero.hash.Sha256;

class FileBlobStoreTest {
  @TempDir Path root;

  @Test
  void shouldStoreAndReadBackByContentHash() throws Exception {
    FileBlobStore store = new FileBlobStore(root);
    byte[] bytes = "hello blob".getBytes(StandardCharsets.UTF_8);

    BlobRef ref = store.put(bytes, "text/plain");

    assertThat(ref.getSha256()).isEqualTo(Sha256.hex(bytes));
    assertThat(ref.getUri()).isEqualTo("blob:sha256/" + ref.getSha256());
    assertThat(ref.getSize()).isEqualTo(bytes.length);
    assertThat(store.get(ref)).isEqualTo(bytes);
    assertThat(store.contains(ref)).isTrue();
    assertThat(store.localPath(ref)).get().satisfies(p -> assertThat(p).startsWith(root));
  }

  @Test
  void shouldBeIdempotentForTheSameContent() throws Exception {
    FileBlobStore store = new FileBlobStore(root);
    BlobRef first = store.put(new byte[] {1, 2, 3}, "application/octet-stream");
    BlobRef second = store.put(new byte[] {1, 2, 3}, "application/octet-stream");
    assertThat(second).isEqualTo(first);
    try (var files = Files.walk(root)) {
      assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(1);
    }
  }

  @Test
  void shouldRefuseCorruptedBlob() throws Exception {
    FileBlobStore store = new FileBlobStore(root);
    BlobRef ref = store.put(new byte[] {1, 2, 3}, "application/octet-stream");
    Files.write(store.localPath(ref).orElseThrow(), new byte[] {1, 2, 4});

    assertThatThrownBy(() -> store.get(ref)).isInstanceOf(BlobIntegrityException.class)
        .hasMessageContaining("corrupted");
  }

  @Test
  void shouldReportMissingBlob() {
    FileBlobStore store = new FileBlobStore(root);
    BlobRef ref = ref("blob:sha256/" + "b".repeat(64), "b".repeat(64));
    assertThatThrownBy(() -> store.get(ref)).isInstanceOf(BlobNotFoundException.class);
    assertThat(store.contains(ref)).isFalse();
  }

  @Test
  void givenAStoredBlob_whenVerified_thenPassesWithoutReturningBytes() throws Exception {
    FileBlobStore store = new FileBlobStore(root);
    byte[] bytes = new byte[200_000]; // several read buffers
    new java.util.Random(7).nextBytes(bytes);
    BlobRef ref = store.put(bytes, "application/octet-stream");

    store.verify(ref);
  }

  @Test
  void givenMissingOrChangedBytes_whenVerified_thenRefusedAsGetRefusesThem() throws Exception {
    FileBlobStore store = new FileBlobStore(root);
    BlobRef ref = store.put(new byte[] {1, 2, 3}, "application/octet-stream");
    Files.write(store.localPath(ref).orElseThrow(), new byte[] {1, 2, 4});
    BlobRef absent = ref("blob:sha256/" + "d".repeat(64), "d".repeat(64));
    BlobRef otherUri = ref("blob:sha256/" + "e".repeat(64), "f".repeat(64));

    assertThatThrownBy(() -> store.verify(ref)).isInstanceOf(BlobIntegrityException.class)
        .hasMessageContaining("corrupted");
    assertThatThrownBy(() -> store.verify(absent)).isInstanceOf(BlobNotFoundException.class);
    assertThatThrownBy(() -> store.verify(otherUri)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not match");
  }

  @Test
  void shouldRefusePathEscapingReferences() {
    FileBlobStore store = new FileBlobStore(root);
    assertThatThrownBy(() -> store.get(ref("blob:sha256/../../etc/passwd", "../../etc/passwd")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("malformed sha256");
    String hash = "c".repeat(64);
    assertThatThrownBy(() -> store.get(ref("file:///etc/passwd", hash)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not match");
  }

  private static BlobRef ref(String uri, String hash) {
    return BlobRef.newBuilder().setUri(uri).setSha256(hash).setMediaType("x").setSize(1).build();
  }
}
