package org.visionzero.ops.chaos;

/**
 * The load of {@code --poison N}. Hostile records come from {@code org.visionzero.ops.chaos.poison}
 * ({@code PoisonWriter}, {@code DeadLetterCounts}), which is built separately: until it is part of the build, any
 * N above 0 is refused with a clear message. Wiring it in is one {@link ChaosLoad} that writes N records with
 * {@code PoisonWriter} spread over the run and reports {@code DeadLetterCounts.read}, returned here.
 */
public final class ChaosLoads {

  private ChaosLoads() {
  }

  public static ChaosLoad poison(int records) {
    if (records < 0) {
      throw new IllegalArgumentException("--poison must be 0 or more, was " + records);
    }
    if (records > 0) {
      throw new IllegalArgumentException("--poison " + records + ": poison not available in this build (package "
          + "org.visionzero.ops.chaos.poison is not in it yet); run with --poison 0");
    }
    return new NoLoad();
  }
}
