package org.visionzero.producers.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChartGeneratorTest {

  private static final int SEEDS = 30;
  private final ChartGenerator generator = new ChartGenerator(128, 128);

  @Test
  void shouldDifferInExactlyTheTwoRecordedAttributes() {
    for (long seed = 0; seed < SEEDS; seed++) {
      ChartPair pair = generator.generate(seed);
      List<String> changed = changedAttributes(pair.originalSpec(), pair.modifiedSpec());
      ChartSwap swap = pair.swap();
      String attribute = switch (swap.attribute()) {
        case VALUES -> "value";
        case COLOURS -> "colour";
        case LABELS -> "label";
      };

      assertThat(changed).as("seed %d", seed).containsExactlyInAnyOrder(
          attribute + " " + swap.seriesA() + (swap.attribute() == ChartSwap.Attribute.VALUES ? "/" + swap.pointA() : ""),
          attribute + " " + swap.seriesB() + (swap.attribute() == ChartSwap.Attribute.VALUES ? "/" + swap.pointB() : ""));
      assertThat(pair.modifiedSpec()).isEqualTo(swap.applyTo(pair.originalSpec()));
    }
  }

  @Test
  void shouldMoveEachSwappedValueToTheOtherPlace() {
    int valueSwaps = 0;
    for (long seed = 0; seed < SEEDS; seed++) {
      ChartPair pair = generator.generate(seed);
      ChartSwap swap = pair.swap();
      if (swap.attribute() != ChartSwap.Attribute.VALUES) {
        continue;
      }
      valueSwaps++;
      assertThat(pair.modifiedSpec().series().get(swap.seriesB()).values().get(swap.pointB()))
          .isEqualTo(pair.originalSpec().series().get(swap.seriesA()).values().get(swap.pointA()));
      assertThat(pair.modifiedSpec().series().get(swap.seriesA()).values().get(swap.pointA()))
          .isEqualTo(pair.originalSpec().series().get(swap.seriesB()).values().get(swap.pointB()));
    }
    assertThat(valueSwaps).isPositive();
  }

  @Test
  void givenASeed_whenOnlyItsSpecIsDrawn_thenTheSameSpecAndPictureAsThePairsOriginal() {
    for (long seed = 0; seed < 6; seed++) {
      ChartPair pair = generator.generate(seed);
      ChartSpec spec = ChartGenerator.spec(seed);

      assertThat(spec).as("seed %d", seed).isEqualTo(pair.originalSpec());
      assertThat(pixels(generator.draw(spec))).as("seed %d", seed).isEqualTo(pixels(pair.original()));
    }
  }

  @Test
  void givenEveryDrawnColour_whenNamed_thenOneDistinctPaletteName() {
    Set<String> names = new HashSet<>();
    for (long seed = 0; seed < SEEDS; seed++) {
      for (ChartSeries series : ChartGenerator.spec(seed).series()) {
        assertThat(ChartPalette.name(series.colour())).as("seed %d", seed).isPresent();
      }
    }
    ChartPalette.COLOURS.forEach(named -> names.add(named.name()));
    assertThat(names).hasSize(ChartPalette.COLOURS.size());
    assertThat(ChartPalette.name(new Color(1, 2, 3))).isEmpty();
  }

  @Test
  void shouldChangeThePictureWhenTheDataChanges() {
    for (long seed = 0; seed < SEEDS; seed++) {
      ChartPair pair = generator.generate(seed);

      assertThat(pixels(pair.modified())).as("seed %d", seed).isNotEqualTo(pixels(pair.original()));
    }
  }

  @Test
  void shouldRecordDescribedDifferencesOfTheSwapKind() {
    for (long seed = 0; seed < SEEDS; seed++) {
      ChartPair pair = generator.generate(seed);

      assertThat(pair.differences()).isNotEmpty().allSatisfy(d -> {
        assertThat(d.getKind()).isEqualTo(pair.swap().attribute().differenceKind());
        assertThat(d.getDescription()).contains("swapped");
        assertThat(d.getX() + d.getWidth()).isLessThanOrEqualTo(128);
      });
    }
  }

  @Test
  void shouldDrawEveryKindAndSwapEveryAttributeOverSeeds() {
    Set<ChartKind> kinds = EnumSet.noneOf(ChartKind.class);
    Set<ChartSwap.Attribute> attributes = EnumSet.noneOf(ChartSwap.Attribute.class);
    for (long seed = 0; seed < SEEDS; seed++) {
      ChartPair pair = generator.generate(seed);
      kinds.add(pair.originalSpec().kind());
      attributes.add(pair.swap().attribute());
    }

    assertThat(kinds).containsExactlyInAnyOrder(ChartKind.values());
    assertThat(attributes).containsExactlyInAnyOrder(ChartSwap.Attribute.values());
  }

  @Test
  void shouldRenderIdenticalPixelsWhenSeedRepeats() {
    ChartPair first = generator.generate(11);
    ChartPair second = new ChartGenerator(128, 128).generate(11);

    assertThat(pixels(second.original())).isEqualTo(pixels(first.original()));
    assertThat(pixels(second.modified())).isEqualTo(pixels(first.modified()));
  }

  /** Every attribute that differs, as "value s/p", "colour s" or "label s". */
  private static List<String> changedAttributes(ChartSpec a, ChartSpec b) {
    assertThat(b.kind()).isEqualTo(a.kind());
    assertThat(b.title()).isEqualTo(a.title());
    assertThat(b.categories()).isEqualTo(a.categories());
    assertThat(b.series()).hasSameSizeAs(a.series());
    List<String> changed = new ArrayList<>();
    for (int s = 0; s < a.series().size(); s++) {
      ChartSeries before = a.series().get(s);
      ChartSeries after = b.series().get(s);
      if (!before.label().equals(after.label())) {
        changed.add("label " + s);
      }
      if (!before.colour().equals(after.colour())) {
        changed.add("colour " + s);
      }
      for (int p = 0; p < before.values().size(); p++) {
        if (!before.values().get(p).equals(after.values().get(p))) {
          changed.add("value " + s + "/" + p);
        }
      }
    }
    return changed;
  }

  private static int[] pixels(BufferedImage image) {
    return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
  }
}
