package org.visionzero.trainer.batch;

import java.util.Objects;
import org.visionzero.events.ScoredTrajectory;

/**
 * A trajectory with the position it was read from, so a batch knows exactly which records it consumed.
 *
 * @param partition partition of {@code vz.trajectories} the record came from
 * @param offset    offset of the record in that partition
 * @param trajectory the scored game
 */
public record ConsumedTrajectory(int partition, long offset, ScoredTrajectory trajectory) {
  public ConsumedTrajectory {
    Objects.requireNonNull(trajectory, "trajectory");
    if (partition < 0) {
      throw new IllegalArgumentException("partition must be >= 0, was " + partition);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be >= 0, was " + offset);
    }
  }
}
