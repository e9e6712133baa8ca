package org.visionzero.producers.pairs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.visionzero.producers.charts.ChartPairSource;
import org.visionzero.producers.scenes.SceneOptions;
import org.visionzero.producers.scenes.ScenePairSource;

class SeededPairSourceTest {

  @Test
  void givenAFirstSeedAndACount_whenIterated_thenPairIIsThePairOfSeedFirstPlusI() {
    ChartPairSource charts = new ChartPairSource(64, 64);

    List<Long> seeds = new ArrayList<>();
    charts.items(7, 3).forEachRemaining(item -> seeds.add(((SourceItem.Produced) item).pair().seed()));

    assertThat(seeds).containsExactly(7L, 8L, 9L);
    Iterator<SourceItem> one = charts.items(7, 1);
    assertThat(((SourceItem.Produced) one.next()).pair().origin())
        .isEqualTo(charts.pair(7).origin());
  }

  @Test
  void givenAllPairsProduced_whenAskedForMore_thenRefusedNamingTheKind() {
    Iterator<SourceItem> scenes = new ScenePairSource(SceneOptions.defaults()).items(1, 1);
    scenes.next();

    assertThat(scenes.hasNext()).isFalse();
    assertThatThrownBy(scenes::next).isInstanceOf(NoSuchElementException.class)
        .hasMessage("all 1 scenes were produced");
  }
}
