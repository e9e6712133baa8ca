package org.visionzero.ops.chaos;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What became of every game in the log, counted from the game events alone. A game open at the end is <i>lost</i>
 * when it started before the drain began (it had the whole drain, with nothing killed, to finish or be aborted by
 * the coordinator's turn timeouts), and <i>in flight</i> when it started during the drain.
 */
public final class GameOutcomes {

  private final Map<String, Instant> started = new HashMap<>();
  private final Set<String> completed = new HashSet<>();
  private final Set<String> aborted = new HashSet<>();

  public void started(String gameId, Instant at) {
    started.putIfAbsent(gameId, at);
  }

  public void completed(String gameId) {
    completed.add(gameId);
  }

  public void aborted(String gameId) {
    aborted.add(gameId);
  }

  /** The counts with the drain begun at {@code drainStart}. */
  public Tally tally(Instant drainStart) {
    long finished = started.keySet().stream().filter(completed::contains).count();
    long abortedStarted = started.keySet().stream().filter(game -> !completed.contains(game))
        .filter(aborted::contains).count();
    TreeSet<String> lost = new TreeSet<>();
    long inFlight = 0;
    for (Map.Entry<String, Instant> game : started.entrySet()) {
      if (completed.contains(game.getKey()) || aborted.contains(game.getKey())) {
        continue;
      }
      if (game.getValue().isBefore(drainStart)) {
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
