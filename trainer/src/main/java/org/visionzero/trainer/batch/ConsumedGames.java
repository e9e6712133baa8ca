package org.visionzero.trainer.batch;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The trajectories this trainer process has consumed, by event id, with where it read each: the same trajectory
 * at another position is a replayed duplicate (the scorer writes each game once, exactly once), and must not be
 * trained twice; at the same position it is a redelivery after an aborted transaction, which is not a duplicate.
 * Bounded: it remembers the last {@link #REMEMBERED} games, and nothing across a restart (the trainer then resumes
 * after the offsets of its checkpoint, so only a replay of an older game slips through).
 */
public final class ConsumedGames {
  /** Far more games than a run trains between two checkpoints, a few tens of MB at most. */
  public static final int REMEMBERED = 200_000;

  private record Position(int partition, long offset) {
    @Override
    public String toString() {
      return partition + "@" + offset;
    }
  }

  private final Map<String, Position> seen = new LinkedHashMap<>(1024, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Position> eldest) {
      return size() > REMEMBERED;
    }
  };

  /**
   * Where the trajectory was first read when this is another copy of it, else empty (and it is remembered).
   */
  public Optional<String> firstReadAt(String eventId, int partition, long offset) {
    Position here = new Position(partition, offset);
    Position first = seen.putIfAbsent(eventId, here);
    return first == null || first.equals(here) ? Optional.empty() : Optional.of(first.toString());
  }
}
