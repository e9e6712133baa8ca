package org.visionzero.producers.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.visionzero.producers.pairs.ImagePair;
import org.visionzero.producers.pairs.SourceItem;
import org.visionzero.producers.scenes.SceneGenerator;
import org.visionzero.producers.scenes.SceneOptions;

class DeterminismTest {

  @TempDir
  Path photos;

  @ParameterizedTest
  @EnumSource(SourceKind.class)
  void shouldProduceByteIdenticalPairsWhenTheSeedRepeats(SourceKind kind) throws IOException {
    ProduceOptions options = options(kind);

    List<ImagePair> first = pairs(options);
    List<ImagePair> second = pairs(options);

    assertThat(first).hasSize(3);
    for (int i = 0; i < first.size(); i++) {
      assertThat(second.get(i).originalPng()).isEqualTo(first.get(i).originalPng());
      assertThat(second.get(i).modifiedPng()).isEqualTo(first.get(i).modifiedPng());
      assertThat(second.get(i).differences()).isEqualTo(first.get(i).differences());
      assertThat(second.get(i).sceneGraphJson()).isEqualTo(first.get(i).sceneGraphJson());
      assertThat(ImagePairPublisher.pairId(second.get(i))).isEqualTo(ImagePairPublisher.pairId(first.get(i)));
    }
    assertThat(first.get(0).modifiedPng()).isNotEqualTo(first.get(0).originalPng());
  }

  private ProduceOptions options(SourceKind kind) throws IOException {
    if (kind != SourceKind.PHOTOS) {
      return ProduceOptions.of(kind, 3, 77);
    }
    for (int i = 0; i < 3; i++) {
      ImageIO.write(new SceneGenerator(SceneOptions.ofSize(160, 120)).generate(i).original(), "jpg",
          photos.resolve("p" + i + ".jpg").toFile());
    }
    return ProduceOptions.photos(photos, 3, 77);
  }

  private static List<ImagePair> pairs(ProduceOptions options) {
    List<ImagePair> pairs = new ArrayList<>();
    PairSources.create(options).items(options.seed(), options.count()).forEachRemaining(item -> {
      if (item instanceof SourceItem.Produced produced) {
        pairs.add(produced.pair());
      }
    });
    return pairs;
  }
}
