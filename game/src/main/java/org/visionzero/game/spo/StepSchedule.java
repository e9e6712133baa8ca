package org.visionzero.game.spo;

import org.visionzero.events.Phase;
import org.visionzero.game.config.GameConfig.PhaseSchedule;

/**
 * A phase schedule that ignores the metrics: the phase of every step follows from the step count alone, so one
 * controller ({@link StepScheduledController}) runs, saves and restores all of them.
 */
sealed interface StepSchedule permits FixedCycle, SingleStage {

  PhaseSchedule kind();

  /** The phase of 0-based step t. */
  Phase phaseAt(long step);

  /** The dwell counter saved after {@code steps} steps. */
  int dwellAt(long steps);

  /** What a restored state must fit, for the refusal: "a fixed cycle of L = 10". */
  String description();

  /** Also the reason of a phase switch: "fixed cycle L=10". */
  @Override
  String toString();
}
