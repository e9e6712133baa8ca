package org.visionzero.producers.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.visionzero.hash.Sha256;

class HeldOutSplitTest {

  private static final int IDS = 2000;

  @Test
  void shouldHoldOutAboutTheRequestedShareOfIds() {
    HeldOutSplit split = new HeldOutSplit(0.1);

    long heldOut = IntStream.range(0, IDS).mapToObj(HeldOutSplitTest::id).filter(split::isHeldOut).count();

    assertThat(heldOut).isBetween(140L, 260L);
  }

  @Test
  void shouldHoldOutNothingAtZeroAndEverythingAtOne() {
    assertThat(IntStream.range(0, 100).mapToObj(HeldOutSplitTest::id)).noneMatch(new HeldOutSplit(0)::isHeldOut);
    assertThat(IntStream.range(0, 100).mapToObj(HeldOutSplitTest::id)).allMatch(new HeldOutSplit(1)::isHeldOut);
  }

  @Test
  void shouldRefuseAnIdThatIsNotAHash() {
    assertThatThrownBy(() -> new HeldOutSplit(0.1).isHeldOut("abc")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sha256");
  }

  private static String id(int i) {
    return Sha256.hex(Integer.toString(i).getBytes(StandardCharsets.UTF_8));
  }
}
