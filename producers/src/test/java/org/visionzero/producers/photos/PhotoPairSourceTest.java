package org.visionzero.producers.photos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visionzero.producers.pairs.ImagePair;
import org.visionzero.producers.pairs.PngCodec;
import org.visionzero.producers.pairs.SourceItem;

class PhotoPairSourceTest {

  @TempDir
  Path dir;

  @Test
  void shouldRejectUnusableFilesAndProduceTheRestOfTheFolder() throws IOException {
    TestPhotos.write(dir.resolve("a.jpg"), "jpg", 300, 200, 1);
    Files.writeString(dir.resolve("b.jpg"), "this is not a picture", StandardCharsets.UTF_8);
    TestPhotos.write(dir.resolve("c.png"), "png", 160, 240, 2);
    Files.write(dir.resolve("d.png"), new byte[0]);
    TestPhotos.write(dir.resolve("e.png"), "png", 128, 128, 3);

    List<SourceItem> items = drain(new PhotoPairSource(PhotoOptions.of(dir)).items(0, 3));

    assertThat(items).filteredOn(SourceItem.Produced.class::isInstance).hasSize(3);
    assertThat(items).filteredOn(SourceItem.Rejected.class::isInstance)
        .map(i -> ((SourceItem.Rejected) i).reference())
        .containsExactly(dir.resolve("b.jpg").toString(), dir.resolve("d.png").toString());
    assertThat(items).filteredOn(SourceItem.Rejected.class::isInstance)
        .allSatisfy(i -> assertThat(((SourceItem.Rejected) i).error()).hasMessageContaining("not"));
  }

  @Test
  void shouldRefuseAFileOverTheSizeLimitUnread() throws IOException {
    Path big = TestPhotos.write(dir.resolve("big.png"), "png", 400, 400, 4);
    PhotoOptions options = new PhotoOptions(dir, 128, 128, 2, 100, PhotoOptions.DEFAULT_MAX_PIXELS);

    SourceItem item = new PhotoPairSource(options).items(0, 1).next();

    assertThat(item).isInstanceOfSatisfying(SourceItem.Rejected.class, rejected -> {
      assertThat(rejected.reference()).isEqualTo(big.toString());
      assertThat(rejected.bytes()).isNull();
      assertThat(rejected.error()).hasMessageContaining("too large");
    });
  }

  @Test
  void shouldRefuseAnImageWithTooManyPixelsBeforeDecodingIt() throws IOException {
    TestPhotos.write(dir.resolve("wide.png"), "png", 400, 400, 4);
    PhotoOptions options = new PhotoOptions(dir, 128, 128, 2, PhotoOptions.DEFAULT_MAX_FILE_BYTES, 1000);

    SourceItem item = new PhotoPairSource(options).items(0, 1).next();

    assertThat(item).isInstanceOfSatisfying(SourceItem.Rejected.class,
        rejected -> assertThat(rejected.error()).hasMessageContaining("400x400"));
  }

  @Test
  void shouldRejectABlankImageBecauseThereIsNothingToEdit() throws IOException {
    BufferedImage black = new BufferedImage(50, 40, BufferedImage.TYPE_INT_RGB);
    ImageIO.write(black, "png", dir.resolve("black.png").toFile());

    SourceItem item = new PhotoPairSource(PhotoOptions.of(dir)).items(0, 1).next();

    assertThat(item).isInstanceOfSatisfying(SourceItem.Rejected.class,
        rejected -> assertThat(rejected.error()).hasMessageContaining("blank"));
  }

  @Test
  void shouldCycleThroughUsableFilesWithNewSeedsAndRejectBadOnesOnce() throws IOException {
    TestPhotos.write(dir.resolve("a.jpg"), "jpg", 300, 200, 1);
    Files.writeString(dir.resolve("b.png"), "junk", StandardCharsets.UTF_8);

    List<SourceItem> items = drain(new PhotoPairSource(PhotoOptions.of(dir)).items(10, 4));

    assertThat(items).filteredOn(SourceItem.Rejected.class::isInstance).hasSize(1);
    assertThat(items).filteredOn(SourceItem.Produced.class::isInstance)
        .map(i -> ((SourceItem.Produced) i).pair().seed()).containsExactly(10L, 11L, 12L, 13L);
  }

  @Test
  void shouldScaleAndCropEveryPhotoToTheOutputSize() throws Exception {
    TestPhotos.write(dir.resolve("tall.png"), "png", 90, 300, 5);

    ImagePair pair = new PhotoPairSource(PhotoOptions.of(dir)).pair(dir.resolve("tall.png"), 1);

    assertThat(PngCodec.decode(pair.originalPng()).getWidth()).isEqualTo(128);
    assertThat(PngCodec.decode(pair.modifiedPng()).getHeight()).isEqualTo(128);
    assertThat(pair.spyHint()).isEqualTo(PhotoPairSource.SPY_HINT);
  }

  @Test
  void shouldRefuseAMissingDirectoryWithAClearMessage() {
    assertThatThrownBy(() -> PhotoOptions.of(dir.resolve("nope")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not exist");
  }

  private static List<SourceItem> drain(Iterator<SourceItem> items) {
    List<SourceItem> all = new ArrayList<>();
    items.forEachRemaining(all::add);
    return all;
  }
}
