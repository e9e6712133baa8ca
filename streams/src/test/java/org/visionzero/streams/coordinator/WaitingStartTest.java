package org.visionzero.streams.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WaitingStartTest {

  @Test
  void shouldRoundTripTrainingPairAndRequestEntries() {
    WaitingStart pair = WaitingStart.trainingPair("p-ü", "pair/p-ü");
    WaitingStart request = WaitingStart.request("p1", "eval/r/1", new byte[] {(byte) 0xC3, 1, 2, 3});

    WaitingStart pairBack = WaitingStart.fromBytes(pair.toBytes());
    WaitingStart requestBack = WaitingStart.fromBytes(request.toBytes());

    assertThat(pairBack.kind()).isEqualTo(WaitingStart.Kind.TRAINING_PAIR);
    assertThat(pairBack.pairId()).isEqualTo("p-ü");
    assertThat(pairBack.eventId()).isEqualTo("pair/p-ü");
    assertThat(pairBack.request()).isEmpty();
    assertThat(requestBack.kind()).isEqualTo(WaitingStart.Kind.REQUEST);
    assertThat(requestBack.request()).containsExactly((byte) 0xC3, 1, 2, 3);
  }

  @Test
  void shouldRejectTruncatedEntryWithClearMessage() {
    byte[] bytes = WaitingStart.trainingPair("p1", "pair/p1").toBytes();
    byte[] truncated = java.util.Arrays.copyOf(bytes, 4);

    assertThatThrownBy(() -> WaitingStart.fromBytes(truncated))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("admission queue entry is corrupt");
  }
}
