package org.visionzero.trainer.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Bounds off-policy drift: a sample whose behaviour version lags the trainer's version by more than the bound
 * is dropped and counted; the rest are kept and the GRPO ratio to their behaviour log-probs corrects them.
 * A sample of another policy (a scripted seat) or from a version the trainer has not reached yet cannot be
 * corrected either and is dropped too.
 */
public final class StalenessFilter {
  private final String policyName;
  private final int maxLag;

  /**
   * @param policyName the trained policy's name; samples of other policies are dropped
   * @param maxLag     the largest version lag that is still trained
   */
  public StalenessFilter(String policyName, int maxLag) {
    this.policyName = Objects.requireNonNull(policyName, "policyName");
    if (maxLag < 0) {
      throw new IllegalArgumentException("maxLag must be >= 0, was " + maxLag);
    }
    this.maxLag = maxLag;
  }

  /** Splits samples into kept and dropped for a trainer at {@code trainerVersion}. */
  public Result filter(List<TrainingSample> samples, int trainerVersion) {
    List<TrainingSample> kept = new ArrayList<>();
    int stale = 0;
    int foreign = 0;
    long lagSum = 0;
    for (TrainingSample sample : samples) {
      int lag = sample.lagBehind(trainerVersion);
      if (!policyName.equals(sample.behaviour().getName())) {
        foreign++;
      } else if (lag < 0 || lag > maxLag) {
        stale++;
      } else {
        kept.add(sample);
        lagSum += lag;
      }
    }
    double meanLag = kept.isEmpty() ? 0 : (double) lagSum / kept.size();
    return new Result(kept, stale, foreign, meanLag);
  }

  public int maxLag() {
    return maxLag;
  }

  /**
   * @param kept         samples that enter the loss
   * @param droppedStale samples beyond the staleness bound (or ahead of the trainer)
   * @param droppedForeign samples of another policy
   * @param meanLag      mean version lag of the kept samples (0 when none)
   */
  public record Result(List<TrainingSample> kept, int droppedStale, int droppedForeign, double meanLag) {
    public Result {
      kept = List.copyOf(kept);
    }
  }
}
