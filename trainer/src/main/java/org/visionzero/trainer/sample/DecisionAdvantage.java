package org.visionzero.trainer.sample;

import java.util.List;
import java.util.Locale;
import org.visionzero.events.ScoredDecision;

/**
 * How the trainer turns a game's decision rewards into advantages. The scorer always stores VISION-ZERO.md's
 * group-normalised advantage on the trajectory; the trainer may use it or centre the raw rewards itself.
 */
public enum DecisionAdvantage {
  /**
   * {@code r − mean} over the game's decision samples, not divided by their spread (the default). With the
   * division, a small model collapsed to answering N/A (LEARNING-NOTES.md, trap 1; this project's first 30-minute
   * run ended at an N/A rate of 0.96): in a group with no correct vote N/A beats wrong by a little, and dividing by
   * the small spread turns that into a large push towards abstaining.
   */
  CENTERED,
  /** {@code (r − mean) / (std + 1e-8)} as the scorer stored it (VISION-ZERO.md section 2). */
  NORMALIZED;

  /** The config spelling: 'centered' or 'normalized'. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses the config spelling; anything else is a clear error. */
  public static DecisionAdvantage fromConfigName(String name) {
    for (DecisionAdvantage a : values()) {
      if (a.configName().equals(name)) {
        return a;
      }
    }
    throw new IllegalArgumentException("decision advantage must be 'centered' or 'normalized', was '" + name + "'");
  }

  /** One advantage per sample of one game's decision stage, in the given order. */
  public double[] of(List<ScoredDecision> group) {
    double[] out = new double[group.size()];
    if (this == NORMALIZED) {
      for (int i = 0; i < out.length; i++) {
        out[i] = group.get(i).getAdvantage();
      }
      return out;
    }
    double mean = 0;
    for (ScoredDecision d : group) {
      mean += d.getReward();
    }
    mean /= Math.max(1, group.size());
    for (int i = 0; i < out.length; i++) {
      out[i] = group.get(i).getReward() - mean;
    }
    return out;
  }
}
