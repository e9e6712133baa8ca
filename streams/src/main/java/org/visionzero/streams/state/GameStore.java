package org.visionzero.streams.state;

import java.util.Arrays;
import java.util.Objects;
import org.apache.kafka.streams.state.KeyValueStore;
import org.visionzero.game.fold.GameState;
import org.visionzero.game.fold.GameStateCodec;

/**
 * Game states in a key-value store. A running game is kept whole ({@link GameStateCodec} bytes); a finished
 * one shrinks to a one-byte marker, enough to ignore whatever still arrives for it, so the store does not grow
 * with every game ever played (the log keeps the full history).
 */
public final class GameStore {
  /** Never a prefix of codec bytes, which start with a 4-byte format version. */
  private static final byte[] FINISHED = {'F'};

  private final KeyValueStore<String, byte[]> store;

  public GameStore(KeyValueStore<String, byte[]> store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /** Whether the game completed or was aborted (its state is gone). */
  public boolean isFinished(String gameId) {
    return Arrays.equals(FINISHED, store.get(gameId));
  }

  /** The state of a game that is not finished; the empty state when it is unknown. */
  public GameState load(String gameId) {
    byte[] bytes = store.get(gameId);
    if (Arrays.equals(FINISHED, bytes)) {
      throw new IllegalStateException("game " + gameId + " is finished; its state is no longer kept");
    }
    return bytes == null ? GameState.empty() : GameStateCodec.fromBytes(bytes);
  }

  /** Keeps a running game, or only the marker of a finished one. */
  public void save(GameState state) {
    store.put(state.gameId(), state.isFinished() ? FINISHED : GameStateCodec.toBytes(state));
  }
}
