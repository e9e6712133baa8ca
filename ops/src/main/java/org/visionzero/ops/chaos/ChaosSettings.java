package org.visionzero.ops.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a chaos run is shaped.
 *
 * @param duration         how long processes are killed (after the warm-up)
 * @param killEvery        bounds of the wait between kills
 * @param poison           hostile records to write during the run ({@link ChaosLoads})
 * @param dataDir          brokers' data, blobs, state, logs and {@code chaos.json}; new or empty
 * @param seed             seed of the kill schedule and of the pairs
 * @param warmUp           longest wait for the first completed game before the kills start
 * @param drain            longest wait, after the kills, for the games started before to end and be scored
 * @param gamesInFlight    the coordinator's bound on games in flight
 * @param turnTimeout      the coordinator's turn timeout (a killed worker's turns are retried after it)
 * @param pairsPerSecond   rate of the pair producer
 * @param evalGamesPerArm  games per arm the evaluator plays of each new version
 */
public record ChaosSettings(Duration duration, KillInterval killEvery, int poison, Path dataDir, long seed,
    Duration warmUp, Duration drain, int gamesInFlight, Duration turnTimeout, double pairsPerSecond,
    int evalGamesPerArm) {

  /** The training run's id: the trainer's checkpoints and the evaluator's games carry it. */
  public static final String RUN_ID = "chaos";
  public static final String POLICY = "vz";

  public ChaosSettings {
    Objects.requireNonNull(dataDir, "dataDir");
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("--duration must be positive, was " + duration);
    }
    if (gamesInFlight < 1 || evalGamesPerArm < 1 || !(pairsPerSecond > 0)) {
      throw new IllegalArgumentException("games in flight, evaluation games and the pair rate must be positive");
    }
  }

  /** Turn timeouts without an event after which an open game counts as stalled ({@link GameEnds}). */
  private static final int STALL_TURN_TIMEOUTS = 3;
  /** Added to the stall horizon: a loaded machine runs the coordinator's timers late. */
  private static final Duration STALL_GRACE = Duration.ofSeconds(15);

  /** How long an open game may go without an event before it counts as lost rather than in flight. */
  public Duration stallHorizon() {
    return turnTimeout.multipliedBy(STALL_TURN_TIMEOUTS).plus(STALL_GRACE);
  }

  /** Defaults of {@code vz chaos} for a given duration. */
  public static ChaosSettings defaults(Duration duration, Path dataDir) {
    return new ChaosSettings(duration, KillInterval.DEFAULT, 0, dataDir, 1, Duration.ofMinutes(4),
        Duration.ofMinutes(2), 32, Duration.ofSeconds(10), 4, 16);
  }
}
