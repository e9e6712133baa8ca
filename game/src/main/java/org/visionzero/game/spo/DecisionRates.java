package org.visionzero.game.spo;

/**
 * What one optimizer step's batch showed about the decision stage.
 *
 * @param decisionAccuracy share of decision samples that named the true spy, in [0, 1]
 * @param naRate           share of decision samples that answered N/A, in [0, 1]
 */
public record DecisionRates(double decisionAccuracy, double naRate) {
  public DecisionRates {
    requireShare("decisionAccuracy", decisionAccuracy);
    requireShare("naRate", naRate);
  }

  private static void requireShare(String name, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be a share in [0, 1], was " + value);
    }
  }
}
