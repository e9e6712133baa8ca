package org.visionzero.ops.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeldOutPairsTest {

  private final HeldOutPairs pairs = new HeldOutPairs();

  @Test
  void shouldKeepOnlyHeldOutUnbrokenPairs() {
    pairs.add(EvalEvents.pair("training", false, null, EvalEvents.SCENE_JSON));
    pairs.add(EvalEvents.pair("blank", true, "blank", EvalEvents.SCENE_JSON));
    pairs.add(EvalEvents.heldOutPair("a"));

    assertThat(pairs.size()).isEqualTo(1);
    assertThat(pairs.event("training")).isEmpty();
    assertThat(pairs.event("blank")).isEmpty();
    assertThat(pairs.event("a")).isPresent();
    assertThat(pairs.scene("a").orElseThrow().original().get(0).colorShape()).isEqualTo("red cube");
  }

  @Test
  void givenPairsReadAgain_thenEachKeepsItsFirstPlaceInTheCycle() {
    pairs.add(EvalEvents.heldOutPair("a"));
    pairs.add(EvalEvents.heldOutPair("b"));
    pairs.add(EvalEvents.heldOutPair("a"));

    assertThat(pairs.size()).isEqualTo(2);
    assertThat(pairs.forGame(0)).isEqualTo("a");
    assertThat(pairs.forGame(1)).isEqualTo("b");
    assertThat(pairs.forGame(2)).isEqualTo("a");
    assertThat(pairs.cycle(1)).isZero();
    assertThat(pairs.cycle(2)).isEqualTo(1);
    assertThat(pairs.cycle(5)).isEqualTo(2);
  }

  @Test
  void givenAnUnreadableSceneGraph_thenThePairPlaysWithoutAScene() {
    pairs.add(EvalEvents.pair("photo", true, null, null));
    pairs.add(EvalEvents.pair("bad", true, null, "{not json"));

    assertThat(pairs.size()).isEqualTo(2);
    assertThat(pairs.scene("photo")).isEmpty();
    assertThat(pairs.scene("bad")).isEmpty();
    assertThat(pairs.scene("never-read")).isEmpty();
  }
}
