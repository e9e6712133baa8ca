package org.visionzero.workers.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visionzero.blob.FileBlobStore;
import org.visionzero.events.BlobRef;

class ImageCacheTest {
  private static final int CAPACITY = 2;

  @TempDir
  Path dir;

  private FileBlobStore blobs;
  private ImageCache cache;

  @BeforeEach
  void setUp() {
    blobs = new FileBlobStore(dir);
    cache = new ImageCache(blobs, CAPACITY);
  }

  private BlobRef png(int width) throws Exception {
    BufferedImage image = new BufferedImage(width, 3, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return blobs.put(out.toByteArray(), "image/png");
  }

  @Test
  void shouldTreatMissingReferenceAsBlankImage() throws Exception {
    assertThat(cache.resolve(null)).isNull();
  }

  @Test
  void shouldDecodeOnceAndServeRepeatsFromMemory() throws Exception {
    BlobRef ref = png(5);

    BufferedImage first = cache.resolve(ref);
    BufferedImage second = cache.resolve(ref);

    assertThat(first.getWidth()).isEqualTo(5);
    assertThat(second).isSameAs(first);
    assertThat(cache.misses()).isEqualTo(1);
    assertThat(cache.hits()).isEqualTo(1);
  }

  @Test
  void shouldKeepAtMostCapacityImagesDroppingTheLeastRecentlyUsed() throws Exception {
    BlobRef a = png(1);
    BlobRef b = png(2);
    BlobRef c = png(3);
    cache.resolve(a);
    cache.resolve(b);
    cache.resolve(a);

    cache.resolve(c);
    cache.resolve(a);

    assertThat(cache.size()).isEqualTo(CAPACITY);
    assertThat(cache.hits()).isEqualTo(2); // a twice; b was dropped, c is new
  }

  @Test
  void shouldRefuseImageWhoseBytesNoLongerMatchTheirHash() throws Exception {
    BlobRef ref = png(4);
    Files.write(blobs.localPath(ref).orElseThrow(), new byte[] {1, 2, 3});

    assertThatThrownBy(() -> cache.resolve(ref)).isInstanceOf(ImageUnavailableException.class)
        .hasMessageContaining("corrupted");
  }

  @Test
  void shouldRefuseBlobThatIsNotAnImage() throws Exception {
    BlobRef ref = blobs.put("not an image".getBytes(StandardCharsets.UTF_8), "image/png");

    assertThatThrownBy(() -> cache.resolve(ref)).isInstanceOf(ImageUnavailableException.class)
        .hasMessageContaining("not in a format this worker can decode");
  }
}
