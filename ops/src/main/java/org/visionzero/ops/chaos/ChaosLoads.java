package org.visionzero.ops.chaos;

/**
 * The load of {@code --poison N}: nothing for 0, else {@link PoisonLoad} (hostile records from
 * {@code org.visionzero.ops.chaos.poison}, spread over the kill phase, each to be dead-lettered with its reason).
 */
public final class ChaosLoads {

  private ChaosLoads() {
  }

  /** The load of {@code --poison records}, its records seeded by {@code seed}. */
  public static ChaosLoad poison(int records, long seed) {
    if (records < 0) {
      throw new IllegalArgumentException("--poison must be 0 or more, was " + records);
    }
    return records == 0 ? new NoLoad() : new PoisonLoad(records, seed);
  }
}
