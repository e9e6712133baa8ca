package org.visionzero.ops.chaos;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What became of every game in the log, counted from the game events alone. A game still open when the log is read
 * is <i>lost</i> when it started before the drain began and has stalled: no event of it for longer than the stall
 * horizon (the coordinator answers every requested turn's silence with a retry or an abort within one turn timeout,
 * so an open game with no event for several is one nobody plays any more). An open game that started during the
 * drain, or is still moving (a slow machine), is <i>in flight</i>.
 */
public final class GameEnds {

  private final Map<String, Instant> started = new HashMap<>();
  private final Map<String, Instant> lastEvent = new HashMap<>();
  private final Set<String> completed = new HashSet<>();
  private final Set<String> aborted = new HashSet<>();

  public void started(String gameId, Instant at) {
    started.putIfAbsent(gameId, at);
    event(gameId, at);
  }

  /** Any event of the game (answer, retry, end): it is still being played. */
  public void event(String gameId, Instant at) {
    lastEvent.merge(gameId, at, (a, b) -> a.isAfter(b) ? a : b);
  }

  public void completed(String gameId) {
    completed.add(gameId);
  }

  public void aborted(String gameId) {
    aborted.add(gameId);
  }

  /**
   * The counts with the drain begun at {@code drainStart}; an open game whose last event is before
   * {@code stalledBefore} (the time the log was read less the stall horizon) has stalled.
   */
  public Tally tally(Instant drainStart, Instant stalledBefore) {
    long finished = started.keySet().stream().filter(completed::contains).count();
    long abortedStarted = started.keySet().stream().filter(game -> !completed.contains(game))
        .filter(aborted::contains).count();
    TreeSet<String> lost = new TreeSet<>();
    long inFlight = 0;
    for (Map.Entry<String, Instant> game : started.entrySet()) {
      if (completed.contains(game.getKey()) || aborted.contains(game.getKey())) {
        continue;
      }
      if (game.getValue().isBefore(drainStart) && lastEvent.get(game.getKey()).isBefore(stalledBefore)) {
        lost.add(game.getKey());
      } else {
        inFlight++;
      }
    }
    return new Tally(started.size(), finished, abortedStarted, inFlight, lost);
  }

  /** Games started before {@code instant} that had not ended when the log was read. */
  public long openStartedBefore(Instant instant) {
    return started.entrySet().stream()
        .filter(game -> game.getValue().isBefore(instant))
        .filter(game -> !completed.contains(game.getKey()) && !aborted.contains(game.getKey()))
        .count();
  }

  /**
   * @param lost ids of the lost games (the first few go in chaos.json, to look up with {@code vz replay})
   */
  public record Tally(long started, long finished, long aborted, long inFlight, TreeSet<String> lost) {
    public long lostCount() {
      return lost.size();
    }
  }
}
