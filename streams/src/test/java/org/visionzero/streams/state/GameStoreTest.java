package org.visionzero.streams.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.visionzero.events.GameEvent;
import org.visionzero.game.fold.GameEvolver;
import org.visionzero.game.fold.GameState;
import org.visionzero.game.fold.GameStateCodec;
import org.visionzero.game.testing.GameLogs;

/** The decoded states a GameStore keeps never disagree with its key-value store. */
class GameStoreTest {
  private KeyValueStore<String, byte[]> kv;
  private GameStore games;
  private List<GameEvent> log;

  @BeforeEach
  void openAStore() {
    kv = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("games"), Serdes.String(), Serdes.ByteArray())
        .withLoggingDisabled().build();
    MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
    kv.init(context.getStateStoreContext(), kv);
    games = new GameStore(kv);
    log = GameLogs.codeGame("g-store").play();
  }

  @Test
  void shouldStoreTheSameBytesAsTheCodecWhenEachTurnOnlyAppends() {
    GameState state = GameState.empty();
    for (GameEvent event : log.subList(0, log.size() - 1)) { // the last event ends the game
      state = GameEvolver.evolve(games.load("g-store"), event);
      games.save(state);

      assertThat(kv.get("g-store")).isEqualTo(GameStateCodec.toBytes(state));
      assertThat(games.load("g-store")).isSameAs(state);
    }
  }

  @Test
  void shouldDecodeTheStoreWhenItChangedUnderneath() {
    GameState longer = GameEvolver.fold(log.subList(0, 4));
    games.save(longer);
    GameState rolledBack = GameEvolver.fold(log.subList(0, 2)); // e.g. a restoration to an earlier commit
    kv.put("g-store", GameStateCodec.toBytes(rolledBack));

    GameState loaded = games.load("g-store");

    assertThat(loaded).isEqualTo(rolledBack).isNotEqualTo(longer);
    GameState next = GameEvolver.evolve(loaded, log.get(2));
    games.save(next);
    assertThat(kv.get("g-store")).isEqualTo(GameStateCodec.toBytes(next));
  }

  @Test
  void shouldEncodeWholeAStateThatDoesNotExtendTheKnownOne() {
    games.save(GameEvolver.fold(log.subList(0, 4)));
    GameState other = GameEvolver.fold(GameLogs.codeGame("g-store").play().subList(0, 3)); // equal, not same

    games.save(other);

    assertThat(kv.get("g-store")).isEqualTo(GameStateCodec.toBytes(other));
    assertThat(games.load("g-store")).isEqualTo(other);
  }

  @Test
  void shouldKeepOnlyTheMarkerOfAFinishedGame() {
    GameState finished = GameEvolver.fold(log);
    assertThat(finished.isFinished()).isTrue();

    games.save(finished);

    assertThat(games.isFinished("g-store")).isTrue();
    assertThat(kv.get("g-store")).hasSize(1);
  }
}
