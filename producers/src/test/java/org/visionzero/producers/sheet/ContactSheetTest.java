package org.visionzero.producers.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visionzero.blob.FileBlobStore;
import org.visionzero.events.Difference;
import org.visionzero.events.ImagePairCreated;
import org.visionzero.producers.pairs.ImagePair;
import org.visionzero.producers.publish.ProduceOptions;
import org.visionzero.producers.publish.ProduceRunner;
import org.visionzero.producers.publish.ProgressListener;
import org.visionzero.producers.publish.SourceKind;
import org.visionzero.producers.scenes.ScenePairSource;
import org.visionzero.producers.scenes.SceneOptions;
import org.visionzero.topics.Topic;
import org.visionzero.topics.TopicCatalog;

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

  @Test
  void shouldReadPublishedPairsBackFromTheBlobStore() throws Exception {
    FileBlobStore blobs = new FileBlobStore(temp.resolve("blobs"));
    MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(),
        new ByteArraySerializer());
    TopicCatalog catalog = TopicCatalog.defaults();
    ProduceRunner.run(ProduceOptions.of(SourceKind.SCENES, 2, 3), producer, catalog, blobs, ProgressListener.NONE);
    Topic<String, ImagePairCreated> topic = catalog.imagePairs();

    List<SheetEntry> entries = new ArrayList<>();
    for (var record : producer.history()) {
      entries.add(SheetEntry.of(topic.valueSerde().deserializer().deserialize(topic.name(), record.value()), blobs));
    }

    assertThat(entries).hasSize(2);
    assertThat(entries.get(0).modifiedPng()).isEqualTo(pair.modifiedPng());
    assertThat(entries.get(0).title()).startsWith("scenes seed 3 pair ");
    assertThat(ContactSheet.html("published", entries)).contains("in the odd picture two objects differ");
  }

  private static int count(String text, String needle) {
    int count = 0;
    for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length())) {
      count++;
    }
    return count;
  }
}
