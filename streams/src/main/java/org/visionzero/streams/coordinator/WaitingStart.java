package org.visionzero.streams.coordinator;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A game waiting for a slot, as stored in the admission queue: a training game on a pair (the pair itself is
 * in the pairs store) or a request (its encoded {@code GameRequested}). One tag byte, then the body.
 *
 * @param kind       training pair or request
 * @param pairId     the pair (both kinds)
 * @param eventId    eventId of the pair or request that asked for the game
 * @param request    encoded GameRequested for requests, empty for training pairs
 */
record WaitingStart(Kind kind, String pairId, String eventId, byte[] request) {
  enum Kind { TRAINING_PAIR, REQUEST }

  WaitingStart {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(pairId, "pairId");
    Objects.requireNonNull(eventId, "eventId");
    request = request == null ? new byte[0] : request;
  }

  static WaitingStart trainingPair(String pairId, String eventId) {
    return new WaitingStart(Kind.TRAINING_PAIR, pairId, eventId, new byte[0]);
  }

  static WaitingStart request(String pairId, String eventId, byte[] request) {
    return new WaitingStart(Kind.REQUEST, pairId, eventId, request);
  }

  byte[] toBytes() {
    byte[] pair = pairId.getBytes(StandardCharsets.UTF_8);
    byte[] event = eventId.getBytes(StandardCharsets.UTF_8);
    ByteBuffer buffer = ByteBuffer.allocate(1 + 4 + pair.length + 4 + event.length + request.length);
    buffer.put((byte) kind.ordinal()).putInt(pair.length).put(pair).putInt(event.length).put(event).put(request);
    return buffer.array();
  }

  static WaitingStart fromBytes(byte[] bytes) {
    try {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      Kind kind = Kind.values()[buffer.get()];
      String pair = text(buffer);
      String event = text(buffer);
      byte[] rest = Arrays.copyOfRange(bytes, buffer.position(), bytes.length);
      return new WaitingStart(kind, pair, event, rest);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("admission queue entry is corrupt: " + e.getMessage(), e);
    }
  }

  private static String text(ByteBuffer buffer) {
    byte[] text = new byte[buffer.getInt()];
    buffer.get(text);
    return new String(text, StandardCharsets.UTF_8);
  }
}
