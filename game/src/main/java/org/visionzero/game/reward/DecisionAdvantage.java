package org.visionzero.game.reward;

import java.util.List;
import java.util.Locale;
import org.visionzero.events.ScoredDecision;

/**
 * How a game's decision rewards become the advantages the trainer trains with. The scorer always stores
 * VISION-ZERO.md's group-normalised advantage on the trajectory; the trainer may use it or centre the raw rewards
 * ({@link GroupNormalization}).
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
    if (this == NORMALIZED) {
      return group.stream().mapToDouble(ScoredDecision::getAdvantage).toArray();
    }
    return GroupNormalization.centered(group.stream().mapToDouble(ScoredDecision::getReward).toArray());
  }
}
