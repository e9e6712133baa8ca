package org.visionzero.ops.probe;

import java.util.List;

/**
 * What {@code vz probe} prints and {@code vz run} keeps under {@code probe}: v0 and the probed checkpoints on the
 * same items.
 *
 * @param itemsPerTask items of every task
 * @param firstSeed    first seed of the probe's range (ProbeSeedRange)
 * @param endSeed      one past its last
 * @param itemSeconds  time to draw the items
 * @param v0           the base model, for comparison
 * @param checkpoints  the checkpoints probed beside it
 */
public record ProbeReport(int itemsPerTask, long firstSeed, long endSeed, double itemSeconds, ProbeResult v0,
    List<ProbeResult> checkpoints) {
  public ProbeReport {
    checkpoints = List.copyOf(checkpoints);
  }
}
