package org.visionzero.producers.pairs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.visionzero.producers.scenes.ScenePairSource;
import org.visionzero.producers.scenes.SceneOptions;

class BrokenPairsTest {

  private final ScenePairSource scenes = new ScenePairSource(SceneOptions.defaults());

  @Test
  void shouldLeaveEveryPairAloneWhenShareIsZero() {
    ImagePair pair = scenes.pair(1);

    assertThat(new BrokenPairs(0).apply(pair)).isSameAs(pair);
  }

  @Test
  void shouldBreakEveryPairAsBlankOrIdenticalWhenShareIsOne() {
    List<ImagePair> broken = LongStream.range(0, 12).mapToObj(scenes::pair).map(new BrokenPairs(1)::apply).toList();

    assertThat(broken).allSatisfy(p -> assertThat(p.broken()).hasValueSatisfying(
        kind -> assertThat(kind).isIn(BrokenPairs.BLANK, BrokenPairs.IDENTICAL)));
    assertThat(broken).extracting(p -> p.broken().orElseThrow()).contains(BrokenPairs.BLANK, BrokenPairs.IDENTICAL);
    assertThat(broken).filteredOn(p -> p.broken().orElseThrow().equals(BrokenPairs.IDENTICAL))
        .allSatisfy(p -> assertThat(p.modifiedPng()).isEqualTo(p.originalPng()));
    assertThat(broken).allSatisfy(p -> assertThat(p.differences()).singleElement()
        .satisfies(d -> assertThat(d.getKind()).isEqualTo(p.broken().orElseThrow())));
  }

  @Test
  void shouldBreakAboutTheRequestedShareDeterministically() {
    BrokenPairs brokenPairs = new BrokenPairs(0.2);
    long broken = LongStream.range(0, 60).mapToObj(scenes::pair).map(brokenPairs::apply)
        .filter(p -> p.broken().isPresent()).count();
    long again = LongStream.range(0, 60).mapToObj(scenes::pair).map(brokenPairs::apply)
        .filter(p -> p.broken().isPresent()).count();

    assertThat(broken).isBetween(4L, 22L).isEqualTo(again);
  }

  @Test
  void shouldMarkAPairWhoseImagesCameOutIdenticalEvenWhenNotBreakingOnPurpose() {
    ImagePair pair = scenes.pair(2);
    ImagePair same = new ImagePair(pair.source(), pair.seed(), pair.origin(), pair.originalPng(),
        pair.originalPng().clone(), pair.width(), pair.height(), pair.differences(), pair.spyHint(),
        pair.sceneGraphJson(), Optional.empty());

    assertThat(new BrokenPairs(0).apply(same).broken()).hasValue(BrokenPairs.IDENTICAL);
  }

  @Test
  void shouldRefuseAShareOutsideZeroToOne() {
    assertThatThrownBy(() -> new BrokenPairs(1.5)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("between 0 and 1");
  }
}
