package org.visionzero.producers.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visionzero.blob.FileBlobStore;
import org.visionzero.events.DeadLetter;
import org.visionzero.events.ImagePairCreated;
import org.visionzero.events.ImageSource;
import org.visionzero.producers.scenes.SceneGenerator;
import org.visionzero.producers.scenes.SceneOptions;
import org.visionzero.topics.Topic;
import org.visionzero.topics.TopicCatalog;

class ProduceRunnerTest {

  private final TopicCatalog catalog = TopicCatalog.defaults();
  private final MockProducer<byte[], byte[]> producer =
      new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());

  @TempDir
  Path temp;

  @Test
  void shouldPublishOneEventPerPairKeyedByItsContentId() throws Exception {
    FileBlobStore blobs = new FileBlobStore(temp.resolve("blobs"));

    ProduceResult result = ProduceRunner.run(ProduceOptions.of(SourceKind.SCENES, 5, 100), producer, catalog, blobs,
        ProgressListener.NONE);

    List<ImagePairCreated> events = events(catalog.imagePairs());
    assertThat(result.published()).isEqualTo(5);
    assertThat(events).hasSize(5).allSatisfy(event -> {
      assertThat(event.getEventId()).isEqualTo("pair/" + event.getPairId());
      assertThat(event.getSource()).isEqualTo(ImageSource.SCENES);
      assertThat(event.getSpyHint()).isEqualTo("in the odd picture two objects differ");
      assertThat(event.getSceneGraphJson()).startsWith("{\"width\":128");
      assertThat(event.getDifferences()).hasSize(2);
      assertThat(event.getWidth()).isEqualTo(128);
      assertThat(event.getBroken()).isNull();
      assertThat(event.getHeldOut()).isEqualTo(new HeldOutSplit(0.1).isHeldOut(event.getPairId()));
      assertThat(event.getPairId()).isEqualTo(ImagePairPublisher.pairId(event.getOriginal().getSha256(),
          event.getModified().getSha256()));
      assertThat(blobs.contains(event.getOriginal())).isTrue();
      assertThat(blobs.contains(event.getModified())).isTrue();
    });
    assertThat(events).extracting(ImagePairCreated::getSeed).containsExactly(100L, 101L, 102L, 103L, 104L);
    assertThat(producer.history()).allSatisfy(record -> assertThat(new String(record.key(), StandardCharsets.UTF_8))
        .hasSize(64));
    assertThat(result.pairIds()).containsExactlyElementsOf(events.stream().map(ImagePairCreated::getPairId).toList());
    assertThat(result.toJson()).startsWith("{\"source\":\"scenes\",\"published\":5,");
  }

  @Test
  void shouldStoreImagesThatDecodeToTheGeneratedPixels() throws Exception {
    FileBlobStore blobs = new FileBlobStore(temp.resolve("blobs"));
    ProduceRunner.run(ProduceOptions.of(SourceKind.SCENES, 1, 9), producer, catalog, blobs, ProgressListener.NONE);

    ImagePairCreated event = events(catalog.imagePairs()).get(0);
    BufferedImage stored = ImageIO.read(new java.io.ByteArrayInputStream(blobs.get(event.getModified())));
    BufferedImage generated = new SceneGenerator(SceneOptions.defaults()).generate(9).modified();

    assertThat(stored.getRGB(0, 0, 128, 128, null, 0, 128)).isEqualTo(generated.getRGB(0, 0, 128, 128, null, 0, 128));
  }

  @Test
  void shouldPublishNothingAgainWhenTheSameRunIsRepeated() throws Exception {
    FileBlobStore blobs = new FileBlobStore(temp.resolve("blobs"));
    ProduceOptions options = ProduceOptions.of(SourceKind.CHARTS, 4, 0);
    ProduceRunner.run(options, producer, catalog, blobs, ProgressListener.NONE);
    producer.clear();

    ProduceResult again = ProduceRunner.run(options, producer, catalog, blobs, ProgressListener.NONE);

    assertThat(again.published()).isZero();
    assertThat(again.alreadyPublished()).isEqualTo(4);
    assertThat(producer.history()).isEmpty();
  }

  @Test
  void shouldSendAnUnreadablePhotoToTheDeadLettersAndProduceTheRest() throws Exception {
    Path photos = Files.createDirectories(temp.resolve("photos"));
    BufferedImage picture = new SceneGenerator(SceneOptions.ofSize(200, 150)).generate(1).original();
    ImageIO.write(picture, "png", photos.resolve("1-good.png").toFile());
    Files.writeString(photos.resolve("2-broken.jpg"), "not a jpeg at all", StandardCharsets.UTF_8);
    ImageIO.write(picture, "jpg", photos.resolve("3-good.jpg").toFile());
    ImageIO.write(new SceneGenerator(SceneOptions.ofSize(200, 150)).generate(2).original(), "png",
        photos.resolve("4-good.png").toFile());

    ProduceResult result = ProduceRunner.run(ProduceOptions.photos(photos, 3, 0), producer, catalog,
        new FileBlobStore(temp.resolve("blobs")), ProgressListener.NONE);

    assertThat(result.published()).isEqualTo(3);
    assertThat(result.deadLettered()).isEqualTo(1);
    assertThat(events(catalog.imagePairs())).hasSize(3)
        .allSatisfy(e -> assertThat(e.getSpyHint()).isEqualTo("some objects or parts of the scene differ"));
    List<DeadLetter> deadLetters = events(catalog.deadLetters());
    assertThat(deadLetters).singleElement().satisfies(letter -> {
      assertThat(letter.getReference()).endsWith("2-broken.jpg");
      assertThat(letter.getComponent()).isEqualTo(ImagePairPublisher.COMPONENT);
      assertThat(letter.getError()).contains("not an image");
      assertThat(StandardCharsets.UTF_8.decode(letter.getValue()).toString()).isEqualTo("not a jpeg at all");
    });
  }

  @Test
  void shouldMarkBrokenPairsWhenAShareIsBrokenOnPurpose() throws Exception {
    ProduceResult result = ProduceRunner.run(ProduceOptions.of(SourceKind.SCENES, 6, 0).withBrokenShare(1),
        producer, catalog, new FileBlobStore(temp.resolve("blobs")), ProgressListener.NONE);

    assertThat(result.broken()).isEqualTo(result.published());
    assertThat(events(catalog.imagePairs())).allSatisfy(e -> assertThat(e.getBroken()).isIn("blank", "identical"));
  }

  @Test
  void shouldHoldOutEveryPairWhenTheShareIsOne() throws Exception {
    ProduceResult result = ProduceRunner.run(ProduceOptions.of(SourceKind.SCENES, 3, 0).withHeldOutShare(1),
        producer, catalog, new FileBlobStore(temp.resolve("blobs")), ProgressListener.NONE);

    assertThat(result.heldOut()).isEqualTo(3);
    assertThat(events(catalog.imagePairs())).allSatisfy(e -> assertThat(e.getHeldOut()).isTrue());
  }

  @Test
  void shouldReportProgressForEveryPair() throws Exception {
    List<Progress> seen = new java.util.ArrayList<>();
    ProgressListener listener = new ProgressListener() {
      @Override
      public void onProgress(Progress progress) {
        seen.add(progress);
      }

      @Override
      public void onFinished(Progress progress) {
        seen.add(progress);
      }
    };

    ProduceRunner.run(ProduceOptions.of(SourceKind.SCENES, 3, 0), producer, catalog,
        new FileBlobStore(temp.resolve("blobs")), listener);

    assertThat(seen).extracting(Progress::done).containsExactly(1L, 2L, 3L, 3L);
    assertThat(seen).allSatisfy(p -> assertThat(p.total()).isEqualTo(3));
  }

  @Test
  void shouldHoldToTheRequestedRate() throws Exception {
    long start = System.nanoTime();
    ProduceRunner.run(ProduceOptions.of(SourceKind.SCENES, 6, 0).withRate(50), producer, catalog,
        new FileBlobStore(temp.resolve("blobs")), ProgressListener.NONE);

    assertThat((System.nanoTime() - start) / 1e6).isGreaterThanOrEqualTo(5 * 20 * 0.9);
  }

  @Test
  void shouldFailWithAResumeHintWhenTheBrokerRefusesASend() throws IOException {
    MockProducer<byte[], byte[]> failing = new MockProducer<>(false, null, new ByteArraySerializer(),
        new ByteArraySerializer()) {
      @Override
      public synchronized void flush() {
        while (errorNext(new org.apache.kafka.common.errors.TimeoutException("broker unreachable"))) {
          // fail every pending send
        }
      }
    };

    assertThatThrownBy(() -> ProduceRunner.run(ProduceOptions.of(SourceKind.SCENES, 2, 0), failing, catalog,
        new FileBlobStore(temp.resolve("blobs")), ProgressListener.NONE))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("broker unreachable")
        .hasMessageContaining("rerun");
  }

  private <V> List<V> events(Topic<String, V> topic) {
    return producer.history().stream().filter(r -> r.topic().equals(topic.name()))
        .map(ProducerRecord::value)
        .map(bytes -> topic.valueSerde().deserializer().deserialize(topic.name(), bytes))
        .toList();
  }
}
