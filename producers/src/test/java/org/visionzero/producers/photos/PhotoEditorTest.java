package org.visionzero.producers.photos;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.visionzero.events.Difference;

class PhotoEditorTest {

  private static final int SEEDS = 80;
  private final PhotoEditor editor = new PhotoEditor(3);

  @Test
  void shouldChangePixelsOnlyInsideTheEditedRegions() {
    for (long seed = 0; seed < SEEDS; seed++) {
      BufferedImage photo = TestPhotos.image(128, 128, seed);
      EditedPhoto edited = editor.edit(photo, new Random(seed));
      List<Rectangle> regions = edited.differences().stream().map(PhotoEditorTest::rectangle).toList();
      int changed = 0;
      for (int y = 0; y < 128; y++) {
        for (int x = 0; x < 128; x++) {
          if (photo.getRGB(x, y) != edited.modified().getRGB(x, y)) {
            int px = x;
            int py = y;
            assertThat(regions).as("seed %d pixel (%d,%d)", seed, x, y).anyMatch(r -> r.contains(px, py));
            changed++;
          }
        }
      }
      assertThat(changed).as("seed %d changes something", seed).isPositive();
    }
  }

  @Test
  void shouldKeepEditedRegionsApart() {
    for (long seed = 0; seed < SEEDS; seed++) {
      List<Rectangle> regions = editor.edit(TestPhotos.image(128, 128, seed), new Random(seed)).differences()
          .stream().map(PhotoEditorTest::rectangle).toList();
      for (int i = 0; i < regions.size(); i++) {
        for (int j = i + 1; j < regions.size(); j++) {
          assertThat(regions.get(i).intersects(regions.get(j))).as("seed %d", seed).isFalse();
        }
      }
    }
  }

  @Test
  void shouldUseEveryKindOfEditOverSeeds() {
    Set<String> kinds = new java.util.HashSet<>();
    for (long seed = 0; seed < SEEDS; seed++) {
      editor.edit(TestPhotos.image(128, 128, seed), new Random(seed)).differences()
          .forEach(d -> kinds.add(d.getKind()));
    }
    Set<PhotoEdit> all = EnumSet.allOf(PhotoEdit.class);

    assertThat(kinds).containsExactlyInAnyOrderElementsOf(all.stream().map(PhotoEdit::differenceKind).toList());
  }

  @Test
  void shouldLeaveTheOriginalUntouched() {
    BufferedImage photo = TestPhotos.image(128, 128, 3);
    int[] before = photo.getRGB(0, 0, 128, 128, null, 0, 128);

    editor.edit(photo, new Random(3));

    assertThat(photo.getRGB(0, 0, 128, 128, null, 0, 128)).isEqualTo(before);
  }

  private static Rectangle rectangle(Difference d) {
    return new Rectangle(d.getX(), d.getY(), d.getWidth(), d.getHeight());
  }
}
