package org.visionzero.ops.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.visionzero.policy.Vocabulary;
import org.visionzero.policy.model.ImageTensors;
import org.visionzero.producers.charts.ChartGenerator;
import org.visionzero.producers.charts.ChartKind;
import org.visionzero.producers.charts.ChartPalette;
import org.visionzero.producers.charts.ChartSeries;
import org.visionzero.producers.charts.ChartSpec;

/** Each task's items: the same for the same seed, with the answer the pictures say is right. */
class ProbeItemsTest {

  private static final int SIZE = 64;
  private static final int ITEMS = 12;
  private final SceneImages scenes = new SceneImages();
  private final ChartGenerator charts = new ChartGenerator(ChartGenerator.DEFAULT_SIZE, ChartGenerator.DEFAULT_SIZE);

  @Test
  void givenTheSameSeed_whenDrawnTwice_thenTheSameItem_andOtherSeedsOtherItems() {
    for (int t = 0; t < ProbeSuite.TASKS.size(); t++) {
      ProbeTask task = ProbeSuite.TASKS.get(t);
      ProbeItem once = task.item(ProbeSeedRange.itemSeed(t, 3), SIZE);
      ProbeItem again = task.item(ProbeSeedRange.itemSeed(t, 3), SIZE);
      ProbeItem other = task.item(ProbeSeedRange.itemSeed(t, 4), SIZE);

      assertThat(fingerprint(again)).as(task.key()).isEqualTo(fingerprint(once));
      assertThat(fingerprint(other)).as(task.key()).isNotEqualTo(fingerprint(once));
      assertThat(once.choices()).as(task.key()).hasSize(task.choices());
    }
  }

  @Test
  void givenEveryTask_whenItemsAreDrawn_thenEveryWordIsInTheVocabulary_andAnswersTakeEveryPlace() {
    Vocabulary vocabulary = Vocabulary.standard();
    for (int t = 0; t < ProbeSuite.TASKS.size(); t++) {
      ProbeTask task = ProbeSuite.TASKS.get(t);
      Set<Integer> answers = new HashSet<>();
      for (int i = 0; i < 100; i++) {
        ProbeItem item = task.item(ProbeSeedRange.itemSeed(t, i), SIZE);
        answers.add(item.answer());
        item.choices().forEach(c -> assertThat(c.words()).as(task.key()).allMatch(vocabulary::contains));
        item.choices().forEach(c -> assertThat(c.image().getWidth()).isEqualTo(SIZE));
      }
      assertThat(answers).as("answer places of %s", task.key()).hasSize(task.choices());
    }
  }

  @Test
  void givenSceneCaptionMatch_whenDrawn_thenOnlyTheAnswersSceneHasTheCaption() {
    SceneCaptionMatch task = new SceneCaptionMatch();
    for (int i = 0; i < ITEMS; i++) {
      ProbeItem item = task.item(ProbeSeedRange.itemSeed(0, i), SIZE);
      List<String> caption = item.choices().get(0).words();
      List<SceneImages.Scene> drawn = new ArrayList<>();
      for (long s = item.seed(); drawn.size() < 16; s++) {
        drawn.add(scenes.scene(s, SIZE));
      }
      for (int c = 0; c < item.choices().size(); c++) {
        ProbeChoice choice = item.choices().get(c);
        assertThat(choice.words()).isEqualTo(caption);
        SceneImages.Scene shown = drawn.stream().filter(d -> samePixels(d.image(), choice.image())).findFirst()
            .orElseThrow();
        assertThat(shown.caption().equals(caption)).as("item %d choice %d", i, c).isEqualTo(c == item.answer());
      }
    }
  }

  @Test
  void givenNearCaptionMatch_whenDrawn_thenTheFirstPairIsTheSeedsAndOnlyTheAnswerHasTheCaption() {
    SceneNearCaptionMatch task = new SceneNearCaptionMatch();
    for (int i = 0; i < ITEMS; i++) {
      ProbeItem item = task.item(ProbeSeedRange.itemSeed(4, i), SIZE);
      List<SceneImages.Scene> pair = scenes.pair(item.seed(), SIZE);
      assertThat(samePixels(item.choices().get(0).image(), pair.get(0).image())).isTrue();
      assertThat(samePixels(item.choices().get(1).image(), pair.get(1).image())).isTrue();
      List<String> caption = item.choices().get(item.answer()).words();
      if (item.answer() < 2) {
        assertThat(pair.get(item.answer()).caption()).isEqualTo(caption);
        assertThat(pair.get(1 - item.answer()).caption()).isNotEqualTo(caption);
      }
    }
  }

  @Test
  void givenColourCount_whenDrawn_thenTheAnswerIsTheScenesCaption_andChoiceKNamesKObjectsOfOneColour() {
    SceneColourCount task = new SceneColourCount();
    for (int i = 0; i < ITEMS; i++) {
      ProbeItem item = task.item(ProbeSeedRange.itemSeed(2, i), SIZE);
      SceneImages.Scene scene = scenes.scene(item.seed(), SIZE);
      assertThat(item.choices().get(item.answer()).words()).isEqualTo(scene.caption());
      boolean someColourCounts = Vocabulary.COLORS.stream().anyMatch(colour -> {
        for (int k = 0; k < item.choices().size(); k++) {
          if (item.choices().get(k).words().stream().filter(colour::equals).count() != k) {
            return false;
          }
        }
        return true;
      });
      assertThat(someColourCounts).as("item %d: choice k names k objects of one colour", i).isTrue();
      for (ProbeChoice choice : item.choices()) {
        for (int w = 1; w < choice.words().size(); w += 2) {
          assertThat(choice.words().get(w)).as("shapes stay").isEqualTo(scene.caption().get(w));
        }
      }
    }
  }

  @Test
  void givenChartKindMatch_whenDrawn_thenTheAnswerIsTheSeedsChart_andTheOthersOfOtherKinds() {
    ChartKindMatch task = new ChartKindMatch();
    for (int i = 0; i < ITEMS; i++) {
      ProbeItem item = task.item(ProbeSeedRange.itemSeed(1, i), SIZE);
      ChartSpec target = ChartGenerator.spec(item.seed());
      assertThat(item.choices().get(0).words()).containsExactly(target.kind().word(), "chart");
      assertThat(samePixels(item.choices().get(item.answer()).image(), drawn(target))).isTrue();
      for (int c = 0; c < item.choices().size(); c++) {
        if (c == item.answer()) {
          continue;
        }
        BufferedImage shown = item.choices().get(c).image();
        boolean otherKind = false;
        for (long s = item.seed() + 1; s < item.seed() + 24 && !otherKind; s++) {
          ChartSpec spec = ChartGenerator.spec(s);
          otherKind = spec.kind() != target.kind() && samePixels(shown, drawn(spec));
        }
        assertThat(otherKind).as("item %d choice %d is a chart of another kind", i, c).isTrue();
      }
    }
  }

  @Test
  void givenTallestBar_whenDrawn_thenTheAnswerNamesTheTallestBarsColour() {
    ChartTallestBar task = new ChartTallestBar(Vocabulary.standard()::contains);
    for (int i = 0; i < ITEMS; i++) {
      ProbeItem item = task.item(ProbeSeedRange.itemSeed(3, i), SIZE);
      ChartSpec chart = null;
      for (long s = item.seed(); chart == null; s++) {
        ChartSpec spec = ChartGenerator.spec(s);
        if (spec.kind() == ChartKind.BAR && samePixels(item.choices().get(0).image(), drawn(spec))) {
          chart = spec;
        }
      }
      ChartSeries tallest = chart.series().stream()
          .max((a, b) -> Double.compare(a.values().get(0), b.values().get(0))).orElseThrow();
      String answer = ChartPalette.name(tallest.colour()).orElseThrow();
      assertThat(item.choices().get(item.answer()).words()).containsExactly("highest", answer, "bar");
      Set<String> barColours = new HashSet<>();
      chart.series().forEach(bar -> barColours.add(ChartPalette.name(bar.colour()).orElseThrow()));
      Set<String> offered = new HashSet<>();
      item.choices().forEach(choice -> offered.add(choice.words().get(1)));
      assertThat(offered).hasSize(item.choices().size());
      assertThat(barColours).containsAll(offered);
    }
  }

  private BufferedImage drawn(ChartSpec spec) {
    return ImageTensors.scale(charts.draw(spec), SIZE);
  }

  private static String fingerprint(ProbeItem item) {
    StringBuilder out = new StringBuilder().append(item.answer());
    for (ProbeChoice choice : item.choices()) {
      out.append('|').append(choice.words()).append(Arrays.hashCode(pixels(choice.image())));
    }
    return out.toString();
  }

  private static boolean samePixels(BufferedImage a, BufferedImage b) {
    return Arrays.equals(pixels(a), pixels(b));
  }

  private static int[] pixels(BufferedImage image) {
    return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
  }
}
