package org.visionzero.ops.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * When the supervisor starts again a process that stopped by itself: at once after a single exit, then after waits
 * that double with each further exit in a row ({@link #FIRST_WAIT}, twice that, … at most {@link #MAX_WAIT}), so that
 * a component that crashes on every start does not keep a core busy with JVM start-ups while the others are tested. A
 * process that stayed up for {@link #STABLE} has recovered: its next exit is a single one again. Not thread-safe:
 * the supervisor's thread owns it.
 */
final class RestartBackoff {
  static final Duration FIRST_WAIT = Duration.ofSeconds(1);
  static final Duration MAX_WAIT = Duration.ofSeconds(30);
  static final Duration STABLE = Duration.ofSeconds(60);

  /** The restarts of one process that waited, for {@code chaos.json}. */
  record Waits(int delayedRestarts, long longestMs, long totalMs) {
    static final Waits NONE = new Waits(0, 0, 0);

    Waits plus(Duration wait) {
      return new Waits(delayedRestarts + 1, Math.max(longestMs, wait.toMillis()), totalMs + wait.toMillis());
    }
  }

  private final Map<String, Integer> exitsInARow = new HashMap<>();
  private final Map<String, Instant> restartAt = new HashMap<>();
  private final Map<String, Waits> waits = new TreeMap<>();

  /** The wait before the restart that follows the {@code exitsInARow}-th exit in a row (the first: none). */
  static Duration waitAfter(int exitsInARow) {
    if (exitsInARow <= 1) {
      return Duration.ZERO;
    }
    int doublings = exitsInARow - 2;
    if (doublings >= Long.SIZE - 2 || FIRST_WAIT.toMillis() << doublings >= MAX_WAIT.toMillis()) {
      return MAX_WAIT;
    }
    return FIRST_WAIT.multipliedBy(1L << doublings);
  }

  /**
   * Records that {@code name}, started at {@code startedAt}, was seen stopped at {@code now} (once per exit: ask
   * {@link #waiting} first); returns how long to wait before starting it again.
   */
  Duration exited(String name, Instant startedAt, Instant now) {
    boolean recovered = startedAt == null || Duration.between(startedAt, now).compareTo(STABLE) >= 0;
    int inARow = recovered ? 1 : exitsInARow.getOrDefault(name, 0) + 1;
    exitsInARow.put(name, inARow);
    Duration wait = waitAfter(inARow);
    restartAt.put(name, now.plus(wait));
    if (!wait.isZero()) {
      waits.put(name, waits.getOrDefault(name, Waits.NONE).plus(wait));
    }
    return wait;
  }

  /** True between an exit and the restart it waits for. */
  boolean waiting(String name) {
    return restartAt.containsKey(name);
  }

  /** True when {@code name} waits for its restart and its wait is over at {@code now}. */
  boolean due(String name, Instant now) {
    Instant at = restartAt.get(name);
    return at != null && !now.isBefore(at);
  }

  /** The process was started again: it no longer waits. */
  void restarted(String name) {
    restartAt.remove(name);
  }

  /** Restarts that waited, by process name. */
  Map<String, Waits> waits() {
    return new TreeMap<>(waits);
  }
}
