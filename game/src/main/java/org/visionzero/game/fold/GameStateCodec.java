package org.visionzero.game.fold;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.visionzero.events.GameEvent;

/**
 * Bytes of a {@link GameState} for a state store: a format version, the number of accepted events, then each
 * event in Avro single-object encoding (schema fingerprint + body) with its length. Decoding folds the events
 * again, so the derived fields never need a format of their own. The same state always gives the same bytes.
 */
public final class GameStateCodec {
  /** Format version written first; bump it when the layout changes. */
  public static final int FORMAT_VERSION = 1;
  private static final int MAX_EVENTS = 1 << 16;
  /** Format version and event count. */
  private static final int HEADER_BYTES = 2 * Integer.BYTES;
  private static final int TYPICAL_EVENT_BYTES = 256;

  private GameStateCodec() {}

  public static byte[] toBytes(GameState state) {
    Objects.requireNonNull(state, "state");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(FORMAT_VERSION);
      out.writeInt(state.events().size());
      for (GameEvent event : state.events()) {
        writeEvent(out, event);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not encode the state of game " + state.gameId(), e);
    }
    return bytes.toByteArray();
  }

  /**
   * The bytes of a state that has {@code added} after the events of {@code encoded}: equal to
   * {@link #toBytes(GameState)} of that state, at the cost of encoding only the new events (a running game's
   * state is saved at every turn, and its log only grows).
   */
  public static byte[] append(byte[] encoded, List<GameEvent> added) {
    Objects.requireNonNull(encoded, "encoded");
    if (encoded.length < HEADER_BYTES || ByteBuffer.wrap(encoded).getInt() != FORMAT_VERSION) {
      throw new IllegalArgumentException("not game state bytes of format " + FORMAT_VERSION);
    }
    int count = ByteBuffer.wrap(encoded).getInt(Integer.BYTES);
    if (count < 0 || count + added.size() > MAX_EVENTS) {
      throw new IllegalArgumentException("game state claims " + count + " events: corrupt bytes");
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length + added.size() * TYPICAL_EVENT_BYTES);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(FORMAT_VERSION);
      out.writeInt(count + added.size());
      out.write(encoded, HEADER_BYTES, encoded.length - HEADER_BYTES);
      for (GameEvent event : added) {
        writeEvent(out, event);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not append to a game state", e);
    }
    return bytes.toByteArray();
  }

  /** Decodes and refolds; corrupt bytes give an IllegalArgumentException that says what is wrong. */
  public static GameState fromBytes(byte[] data) {
    Objects.requireNonNull(data, "data");
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      int version = in.readInt();
      if (version != FORMAT_VERSION) {
        throw new IllegalArgumentException(
            "game state format " + version + " is unknown; this build reads format " + FORMAT_VERSION);
      }
      int count = in.readInt();
      if (count < 0 || count > MAX_EVENTS) {
        throw new IllegalArgumentException("game state claims " + count + " events: corrupt bytes");
      }
      List<GameEvent> events = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
          throw new IllegalArgumentException("event " + i + " claims " + length + " bytes: corrupt or truncated");
        }
        byte[] encoded = in.readNBytes(length);
        events.add(GameEvent.getDecoder().decode(encoded));
      }
      if (in.available() > 0) {
        throw new IllegalArgumentException(in.available() + " trailing bytes after the events: corrupt state");
      }
      return GameEvolver.fold(events);
    } catch (IOException e) {
      throw new IllegalArgumentException("game state bytes are truncated or not a game state: " + e.getMessage(), e);
    }
  }

  private static void writeEvent(DataOutputStream out, GameEvent event) throws IOException {
    ByteBuffer encoded = GameEvent.getEncoder().encode(event);
    out.writeInt(encoded.remaining());
    out.write(encoded.array(), encoded.arrayOffset() + encoded.position(), encoded.remaining());
  }
}
