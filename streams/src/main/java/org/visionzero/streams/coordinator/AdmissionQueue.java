package org.visionzero.streams.coordinator;

import java.util.Locale;
import java.util.Optional;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The FIFO of games waiting for a slot and the in-flight count, over the admission task's stores. Every
 * change is a store write, so under exactly-once it commits together with the records it caused.
 */
final class AdmissionQueue {
  private static final String HEAD = "queue.head";
  private static final String TAIL = "queue.tail";
  private static final String IN_FLIGHT = "in-flight";
  private static final String USES = "uses/";

  private final KeyValueStore<String, byte[]> queue;
  private final KeyValueStore<String, Long> counters;
  private final KeyValueStore<String, Long> inFlight;

  AdmissionQueue(KeyValueStore<String, byte[]> queue, KeyValueStore<String, Long> counters,
      KeyValueStore<String, Long> inFlight) {
    this.queue = queue;
    this.counters = counters;
    this.inFlight = inFlight;
  }

  void add(WaitingStart start) {
    long tail = counter(TAIL);
    queue.put(key(tail), start.toBytes());
    counters.put(TAIL, tail + 1);
  }

  /** Takes the oldest waiting start, if any. */
  Optional<WaitingStart> poll() {
    long head = counter(HEAD);
    if (head >= counter(TAIL)) {
      return Optional.empty();
    }
    byte[] bytes = queue.delete(key(head));
    counters.put(HEAD, head + 1);
    return Optional.ofNullable(bytes).map(WaitingStart::fromBytes);
  }

  long waiting() {
    return counter(TAIL) - counter(HEAD);
  }

  long inFlight() {
    return counter(IN_FLIGHT);
  }

  void started(String gameId, long at) {
    if (inFlight.putIfAbsent(gameId, at) == null) {
      counters.put(IN_FLIGHT, inFlight() + 1);
    }
  }

  /** Frees the slot of an ended game; false when the game was not in flight (already released, or not ours). */
  boolean release(String gameId) {
    if (inFlight.delete(gameId) == null) {
      return false;
    }
    counters.put(IN_FLIGHT, Math.max(0, inFlight() - 1));
    return true;
  }

  /** Counts one more training use of a pair and returns its number (1 for the first). */
  long nextUse(String pairId) {
    long use = counter(USES + pairId) + 1;
    counters.put(USES + pairId, use);
    return use;
  }

  private long counter(String name) {
    Long value = counters.get(name);
    return value == null ? 0L : value;
  }

  private static String key(long sequence) {
    // Zero-padded so that the store's byte order is the queue order (useful when inspecting it).
    return String.format(Locale.ROOT, "%019d", sequence);
  }
}
