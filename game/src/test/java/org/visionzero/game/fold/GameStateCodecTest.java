package org.visionzero.game.fold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.visionzero.game.testing.Games.T0;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.visionzero.events.GameEvent;
import org.visionzero.game.config.GameConfig;
import org.visionzero.game.testing.Games;

class GameStateCodecTest {
  private final GameDecider decider = new GameDecider(GameConfig.code());

  @Test
  void shouldRoundTripAStateToEqualStateAndIdenticalBytes() {
    GameState state = FoldSimulation.play(decider, "g-codec", 5L, new Random(5), T0).state();

    byte[] bytes = GameStateCodec.toBytes(state);
    GameState decoded = GameStateCodec.fromBytes(bytes);

    assertThat(decoded).isEqualTo(state);
    assertThat(decoded.status()).isEqualTo(GameState.Status.COMPLETED);
    assertThat(decoded.outcome()).isEqualTo(state.outcome());
    assertThat(GameStateCodec.toBytes(decoded)).isEqualTo(bytes);
    assertThat(GameStateCodec.fromBytes(GameStateCodec.toBytes(GameState.empty()))).isEqualTo(GameState.empty());
  }

  @Test
  void shouldAppendEventsToTheSameBytesAsEncodingTheWholeLongerState() {
    GameState finished = FoldSimulation.play(decider, "g-append", 7L, new Random(7), T0).state();
    List<GameEvent> events = finished.events();

    for (int split = 0; split <= events.size(); split++) {
      byte[] prefix = GameStateCodec.toBytes(GameEvolver.fold(events.subList(0, split)));
      byte[] appended = GameStateCodec.append(prefix, events.subList(split, events.size()));

      assertThat(appended).as("split at %d of %d", split, events.size())
          .isEqualTo(GameStateCodec.toBytes(finished));
    }
    assertThatThrownBy(() -> GameStateCodec.append(new byte[] {0, 0, 0, 9, 0, 0, 0, 0}, events))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("format 1");
  }

  @Test
  void shouldExplainCorruptBytes() {
    byte[] good = GameStateCodec.toBytes(decider.decide(GameState.empty(), Games.start("g", 1))
        .applyTo(GameState.empty()));

    assertThatThrownBy(() -> GameStateCodec.fromBytes(new byte[] {0, 0, 0, 9}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("format 9 is unknown");
    assertThatThrownBy(() -> GameStateCodec.fromBytes(new byte[] {0, 0}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated");
    assertThatThrownBy(() -> GameStateCodec.fromBytes(ByteBuffer.allocate(8).putInt(1).putInt(-3).array()))
        .hasMessageContaining("claims -3 events");
    assertThatThrownBy(() -> GameStateCodec.fromBytes(Arrays.copyOf(good, good.length - 5)))
        .hasMessageContaining("corrupt or truncated");
    assertThatThrownBy(() -> GameStateCodec.fromBytes(Arrays.copyOf(good, good.length + 2)))
        .hasMessageContaining("2 trailing bytes");
  }
}
