package org.visionzero.producers.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visionzero.events.Difference;
import org.visionzero.producers.pairs.ImagePair;
import org.visionzero.producers.publish.ProduceOptions;
import org.visionzero.producers.publish.SourceKind;
import org.visionzero.producers.scenes.ScenePairSource;
import org.visionzero.producers.scenes.SceneOptions;

class ContactSheetTest {

  @TempDir
  Path temp;

  private final ImagePair pair = new ScenePairSource(SceneOptions.defaults()).pair(3);

  @Test
  void shouldShowBothImagesAndOutlineEveryRecordedDifference() throws IOException {
    Path file = temp.resolve("sheet.html");

    ContactSheet.writeHtml(file, "Scenes", List.of(SheetEntry.of(pair)));

    String html = Files.readString(file);
    assertThat(html).contains("<title>Scenes</title>", "in the odd picture two objects differ");
    assertThat(count(html, "data:image/png;base64,")).isEqualTo(2);
    assertThat(count(html, "class=\"box\"")).isEqualTo(2 * pair.differences().size());
    assertThat(count(html, "<li>")).isEqualTo(pair.differences().size());
  }

  @Test
  void shouldEscapeEveryTextSoNoMarkupGetsThrough() {
    Difference hostile = Difference.newBuilder().setKind("<b>kind</b>").setDescription("<script>alert('x')</script>")
        .setX(1).setY(1).setWidth(5).setHeight(5).build();
    SheetEntry entry = new SheetEntry("title & \"quotes\"", pair.originalPng(), pair.modifiedPng(), 128, 128,
        List.of(hostile), "hint <i>", Optional.of("<blank>"));

    String html = ContactSheet.html("<h1>", List.of(entry));

    assertThat(html).doesNotContain("<script>", "<b>kind", "<i>", "<blank>", "<title><h1>")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", "title &amp; &quot;quotes&quot;");
  }

  @Test
  void shouldDrawAPngWithOneRowPerPair() {
    List<SheetEntry> entries = PairPreview.entries(ProduceOptions.of(SourceKind.CHARTS, 3, 0));

    BufferedImage image = ContactSheet.image(entries);

    assertThat(entries).hasSize(3);
    assertThat(image.getWidth()).isGreaterThan(4 * 128);
    assertThat(image.getHeight()).isGreaterThan(3 * 2 * 128);
  }

  private static int count(String text, String needle) {
    int count = 0;
    for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length())) {
      count++;
    }
    return count;
  }
}
