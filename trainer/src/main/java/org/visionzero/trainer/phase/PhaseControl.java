package org.visionzero.trainer.phase;

import java.util.Optional;
import org.visionzero.events.Phase;
import org.visionzero.game.spo.PhaseControllerState;
import org.visionzero.game.spo.PhaseSwitch;

/**
 * The trainer's handle on an Iterative-SPO controller: the phase of the next step, one observation per step,
 * and a state that a checkpoint saves and a resumed trainer restores.
 */
public interface PhaseControl {

  /** The phase of the next step. */
  Phase phase();

  /** The controller's state now, as a checkpoint saves it. */
  PhaseControllerState state();

  /**
   * Observes one completed step's decision statistics and advances the controller.
   *
   * @return the switch, when the phase changes after this step
   */
  Optional<PhaseSwitch> afterStep(double decisionAccuracy, double naRate);
}
