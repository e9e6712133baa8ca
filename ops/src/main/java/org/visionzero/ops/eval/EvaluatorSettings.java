package org.visionzero.ops.eval;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.OptionalInt;

/**
 * How the evaluator plays.
 *
 * @param runId              names this evaluator's games (tag {@code eval.run}); keep it across restarts
 * @param policyName         the evaluated policy (versions from {@code vz.checkpoints})
 * @param gamesPerArm        games of each arm per evaluated version while training runs
 * @param maxInFlight        evaluation games requested but not yet scored, at most
 * @param refereeThreshold   the first version whose decision accuracy on v0 clues reaches this becomes the fixed
 *                           referee of the clue-skill games
 * @param refereeMinSamples  decision samples needed before a version can qualify as referee
 * @param fixedReferee       a referee version given up front (then no threshold is applied)
 * @param refereeFile        where the chosen referee is kept, so a resumed run keeps the same one
 * @param stallTimeout       with no result for this long, requests in flight are counted as lost
 * @param interval           while training runs, the least time from the start of one version's evaluation to the
 *                           start of the next (zero: as soon as the previous one is done); evaluation games share
 *                           the workers with training games, so a longer interval gives training more of them
 * @param arms               the arms every evaluation plays (while training and at the end)
 */
public record EvaluatorSettings(String runId, String policyName, int gamesPerArm, int maxInFlight,
    double refereeThreshold, int refereeMinSamples, OptionalInt fixedReferee, Optional<Path> refereeFile,
    Duration stallTimeout, Duration interval, Set<EvalArm> arms) {

  public static final int DEFAULT_GAMES_PER_ARM = 48;
  public static final int DEFAULT_MAX_IN_FLIGHT = 24;
  public static final double DEFAULT_REFEREE_THRESHOLD = 0.9;
  public static final int DEFAULT_REFEREE_MIN_SAMPLES = 200;
  public static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofMinutes(2);

  public EvaluatorSettings {
    if (gamesPerArm < 1 || maxInFlight < 1) {
      throw new IllegalArgumentException("games per arm and games in flight must be >= 1");
    }
    if (!(refereeThreshold > 0 && refereeThreshold <= 1)) {
      throw new IllegalArgumentException("referee threshold must be in (0, 1], was " + refereeThreshold);
    }
    if (interval.isNegative()) {
      throw new IllegalArgumentException("evaluation interval must not be negative, was " + interval);
    }
    if (arms.isEmpty()) {
      throw new IllegalArgumentException("the evaluator needs at least one arm");
    }
    arms = Collections.unmodifiableSet(EnumSet.copyOf(arms));
  }

  public static EvaluatorSettings defaults(String runId, String policyName) {
    return new EvaluatorSettings(runId, policyName, DEFAULT_GAMES_PER_ARM, DEFAULT_MAX_IN_FLIGHT,
        DEFAULT_REFEREE_THRESHOLD, DEFAULT_REFEREE_MIN_SAMPLES, OptionalInt.empty(), Optional.empty(),
        DEFAULT_STALL_TIMEOUT, Duration.ZERO, EnumSet.allOf(EvalArm.class));
  }

  public EvaluatorSettings withGamesPerArm(int games) {
    return new EvaluatorSettings(runId, policyName, games, maxInFlight, refereeThreshold, refereeMinSamples,
        fixedReferee, refereeFile, stallTimeout, interval, arms);
  }

  public EvaluatorSettings withMaxInFlight(int games) {
    return new EvaluatorSettings(runId, policyName, gamesPerArm, games, refereeThreshold, refereeMinSamples,
        fixedReferee, refereeFile, stallTimeout, interval, arms);
  }

  public EvaluatorSettings withFixedReferee(OptionalInt referee) {
    return new EvaluatorSettings(runId, policyName, gamesPerArm, maxInFlight, refereeThreshold, refereeMinSamples,
        referee, refereeFile, stallTimeout, interval, arms);
  }

  public EvaluatorSettings withRefereeFile(Path file) {
    return new EvaluatorSettings(runId, policyName, gamesPerArm, maxInFlight, refereeThreshold, refereeMinSamples,
        fixedReferee, Optional.of(file), stallTimeout, interval, arms);
  }

  public EvaluatorSettings withRefereeThreshold(double threshold) {
    return new EvaluatorSettings(runId, policyName, gamesPerArm, maxInFlight, threshold, refereeMinSamples,
        fixedReferee, refereeFile, stallTimeout, interval, arms);
  }

  public EvaluatorSettings withInterval(Duration least) {
    return new EvaluatorSettings(runId, policyName, gamesPerArm, maxInFlight, refereeThreshold, refereeMinSamples,
        fixedReferee, refereeFile, stallTimeout, least, arms);
  }

  /** The same settings playing only {@code played}. */
  public EvaluatorSettings withArms(Set<EvalArm> played) {
    return new EvaluatorSettings(runId, policyName, gamesPerArm, maxInFlight, refereeThreshold, refereeMinSamples,
        fixedReferee, refereeFile, stallTimeout, interval, played);
  }
}
