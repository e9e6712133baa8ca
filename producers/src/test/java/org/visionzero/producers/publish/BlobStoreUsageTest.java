package org.visionzero.producers.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visionzero.blob.BlobIntegrityException;
import org.visionzero.blob.FileBlobStore;
import org.visionzero.events.BlobRef;
import org.visionzero.producers.pairs.PngCodec;
import org.visionzero.producers.scenes.ScenePairSource;
import org.visionzero.producers.scenes.SceneOptions;

/** The blob-store guarantees the producer relies on, checked on the store it writes pairs to. */
class BlobStoreUsageTest {

  @TempDir
  Path root;

  private final byte[] png = new ScenePairSource(SceneOptions.defaults()).pair(1).originalPng();

  @Test
  void shouldRefuseAStoredImageWhoseBytesWereCorrupted() throws IOException {
    FileBlobStore blobs = new FileBlobStore(root);
    BlobRef ref = blobs.put(png, PngCodec.MEDIA_TYPE);
    Path file = blobs.localPath(ref).orElseThrow();
    byte[] corrupted = png.clone();
    corrupted[corrupted.length / 2] ^= 0x5a;
    Files.write(file, corrupted);

    assertThatThrownBy(() -> blobs.get(ref)).isInstanceOf(BlobIntegrityException.class)
        .hasMessageContaining("corrupted");
  }

  @Test
  void shouldRefuseAReferenceThatTriesToLeaveTheStore() {
    FileBlobStore blobs = new FileBlobStore(root.resolve("store"));
    BlobRef escaping = BlobRef.newBuilder().setUri("blob:sha256/../../etc/passwd").setSha256("../../etc/passwd")
        .setMediaType(PngCodec.MEDIA_TYPE).setSize(1).build();

    assertThatThrownBy(() -> blobs.get(escaping)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> blobs.contains(escaping)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldStoreTheSameImageOnceUnderTheSameReference() throws IOException {
    FileBlobStore blobs = new FileBlobStore(root);

    BlobRef first = blobs.put(png, PngCodec.MEDIA_TYPE);
    BlobRef second = blobs.put(png, PngCodec.MEDIA_TYPE);

    assertThat(second).isEqualTo(first);
    assertThat(blobs.get(first)).isEqualTo(png);
  }
}
