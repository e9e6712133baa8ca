package org.visionzero.producers.scenes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.visionzero.events.Difference;

class SceneGeneratorTest {

  private static final int SEEDS = 200;
  private final SceneGenerator generator = new SceneGenerator(SceneOptions.defaults());

  @Test
  void shouldRenderIdenticalPixelsWhenSeedRepeats() {
    ScenePair first = generator.generate(42);
    ScenePair second = new SceneGenerator(SceneOptions.defaults()).generate(42);

    assertThat(pixels(second.original())).isEqualTo(pixels(first.original()));
    assertThat(pixels(second.modified())).isEqualTo(pixels(first.modified()));
    assertThat(second.sceneGraphJson()).isEqualTo(first.sceneGraphJson());
  }

  @Test
  void shouldProduceDifferentScenesForDifferentSeeds() {
    Set<String> graphs = new HashSet<>();
    LongStream.range(0, 20).forEach(seed -> graphs.add(generator.generate(seed).sceneGraphJson()));

    assertThat(graphs).hasSize(20);
  }

  @Test
  void shouldChangePixelsOnlyInsideTheChangedObjectsRegions() {
    for (long seed = 0; seed < SEEDS; seed++) {
      ScenePair pair = generator.generate(seed);
      List<Rectangle> regions = pair.differences().stream()
          .map(d -> new Rectangle(d.getX(), d.getY(), d.getWidth(), d.getHeight())).toList();
      int changedInside = 0;
      for (int y = 0; y < 128; y++) {
        for (int x = 0; x < 128; x++) {
          if (pair.original().getRGB(x, y) != pair.modified().getRGB(x, y)) {
            int px = x;
            int py = y;
            assertThat(regions).as("seed %d pixel (%d,%d) changed outside every recorded region", seed, x, y)
                .anyMatch(r -> r.contains(px, py));
            changedInside++;
          }
        }
      }
      assertThat(changedInside).as("seed %d changes some pixels", seed).isPositive();
    }
  }

  @Test
  void shouldDrawTheModifiedImageExactlyAsAFullRenderOfTheModifiedScene() {
    SceneRenderer renderer = new SceneRenderer();
    for (long seed = 0; seed < SEEDS; seed++) {
      ScenePair pair = generator.generate(seed);
      BufferedImage full = renderer.render(pair.sceneGraph().modified(), pair.view(), 128, 128);

      assertThat(pixels(pair.modified())).as("seed %d", seed).isEqualTo(pixels(full));
    }
  }

  @Test
  void shouldChangeColourAndShapeOfExactlyTwoObjectsAndNothingElse() {
    for (long seed = 0; seed < SEEDS; seed++) {
      SceneGraph graph = generator.generate(seed).sceneGraph();

      assertThat(graph.original()).hasSizeBetween(4, 6);
      assertThat(graph.changedObjectIds()).hasSize(2).doesNotHaveDuplicates();
      for (int i = 0; i < graph.original().size(); i++) {
        SceneObject before = graph.original().get(i);
        SceneObject after = graph.modified().get(i);
        assertThat(after.id()).isEqualTo(before.id());
        assertThat(after.size()).isEqualTo(before.size());
        assertThat(after.material()).isEqualTo(before.material());
        assertThat(after.x()).isEqualTo(before.x());
        assertThat(after.y()).isEqualTo(before.y());
        if (graph.changedObjectIds().contains(i)) {
          assertThat(after.color()).isNotEqualTo(before.color());
          assertThat(after.shape()).isNotEqualTo(before.shape());
        } else {
          assertThat(after).isEqualTo(before);
        }
      }
    }
  }

  @Test
  void shouldNeverGiveAChangedObjectTheLookOfAnotherChangedObject() {
    for (long seed = 0; seed < SEEDS; seed++) {
      SceneGraph graph = generator.generate(seed).sceneGraph();
      for (int changed : graph.changedObjectIds()) {
        SceneObject after = graph.modified().get(changed);
        for (int other : graph.changedObjectIds()) {
          SceneObject before = graph.original().get(other);
          assertThat(after.color() == before.color() && after.shape() == before.shape())
              .as("seed %d object %d takes the look of object %d", seed, changed, other).isFalse();
        }
      }
    }
  }

  @Test
  void shouldRecordOneDescribedDifferencePerChangedObject() {
    ScenePair pair = generator.generate(7);

    assertThat(pair.differences()).hasSize(2)
        .allSatisfy(d -> assertThat(d.getKind()).isEqualTo("object"))
        .allSatisfy(d -> assertThat(d.getDescription()).contains(" -> "))
        .allSatisfy(d -> assertThat(d.getWidth()).isPositive());
  }

  @Test
  void shouldKeepObjectsApartSoRegionsNeverOverlap() {
    for (long seed = 0; seed < SEEDS; seed++) {
      List<Difference> differences = generator.generate(seed).differences();
      Rectangle a = rectangle(differences.get(0));
      Rectangle b = rectangle(differences.get(1));
      assertThat(a.intersects(b)).as("seed %d regions %s and %s", seed, a, b).isFalse();
    }
  }

  @Test
  void shouldWriteTheSceneGraphJsonContract() {
    String json = generator.generate(3).sceneGraphJson();

    assertThat(json).startsWith("{\"width\":128,\"height\":128,\"original\":{\"objects\":[{\"id\":0,\"shape\":\"")
        .contains("\"modified\":{\"objects\":[", "\"changedObjectIds\":[", "\"material\":\"", "\"radius\":")
        .doesNotContain("CUBE", "SPHERE", "CYLINDER");
  }

  @Test
  void shouldRenderAtAConfiguredResolution() {
    ScenePair pair = new SceneGenerator(SceneOptions.ofSize(256, 192)).generate(1);

    assertThat(pair.original().getWidth()).isEqualTo(256);
    assertThat(pair.modified().getHeight()).isEqualTo(192);
  }

  @Test
  void shouldRefuseOptionsThatCannotBeMet() {
    assertThatThrownBy(() -> new SceneOptions(128, 128, 4, 6, 5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("changedObjects");
    assertThatThrownBy(() -> SceneOptions.ofSize(16, 128))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("width");
  }

  private static Rectangle rectangle(Difference d) {
    return new Rectangle(d.getX(), d.getY(), d.getWidth(), d.getHeight());
  }

  private static int[] pixels(BufferedImage image) {
    return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
  }
}
