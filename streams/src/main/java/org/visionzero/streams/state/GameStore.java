package org.visionzero.streams.state;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.streams.state.KeyValueStore;
import org.visionzero.events.GameEvent;
import org.visionzero.game.fold.GameState;
import org.visionzero.game.fold.GameStateCodec;

/**
 * Game states in a key-value store. A running game is kept whole ({@link GameStateCodec} bytes); a finished
 * one shrinks to a one-byte marker, enough to ignore whatever still arrives for it, so the store does not grow
 * with every game ever played (the log keeps the full history).
 *
 * <p>The states of recently used games are also kept decoded, beside the bytes they were saved as: a load whose
 * stored bytes equal those returns the decoded state without decoding and refolding every event again, and a
 * save that only appends events encodes just the new ones. The store stays the only truth: whatever changed it
 * (a restoration, a rolled-back transaction) makes the bytes differ, and the state is decoded from the store.
 */
public final class GameStore {
  /** Never a prefix of codec bytes, which start with a 4-byte format version. */
  private static final byte[] FINISHED = {'F'};
  /** Decoded states kept per store: more than the games a task has in flight at once. */
  static final int KNOWN_STATES = 1024;

  private final KeyValueStore<String, byte[]> store;
  private final Map<String, Known> known = new LinkedHashMap<>(KNOWN_STATES, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Known> eldest) {
      return size() > KNOWN_STATES;
    }
  };

  private record Known(byte[] bytes, GameState state) {
  }

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
    if (bytes == null) {
      known.remove(gameId);
      return GameState.empty();
    }
    Known cached = known.get(gameId);
    if (cached != null && Arrays.equals(cached.bytes(), bytes)) {
      return cached.state();
    }
    GameState state = GameStateCodec.fromBytes(bytes);
    known.put(gameId, new Known(bytes, state));
    return state;
  }

  /** Keeps a running game, or only the marker of a finished one. */
  public void save(GameState state) {
    if (state.isFinished()) {
      known.remove(state.gameId());
      store.put(state.gameId(), FINISHED);
      return;
    }
    Known cached = known.get(state.gameId());
    byte[] bytes = cached != null && startsWithTheEventsOf(state.events(), cached.state().events())
        ? GameStateCodec.append(cached.bytes(), state.events().subList(cached.state().events().size(),
            state.events().size()))
        : GameStateCodec.toBytes(state);
    store.put(state.gameId(), bytes);
    known.put(state.gameId(), new Known(bytes, state));
  }

  /** Whether {@code longer} starts with the very event objects of {@code prefix} (states share their events). */
  private static boolean startsWithTheEventsOf(List<GameEvent> longer, List<GameEvent> prefix) {
    if (prefix.size() > longer.size()) {
      return false;
    }
    for (int i = 0; i < prefix.size(); i++) {
      if (prefix.get(i) != longer.get(i)) {
        return false;
      }
    }
    return true;
  }
}
