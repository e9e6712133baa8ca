package org.visionzero.trainer.phase;

import java.util.Optional;
import org.visionzero.trainer.state.PhaseState;

/**
 * The trainer's view of an Iterative-SPO controller: the phase of the next step, one observation per step,
 * and a state that a checkpoint saves and a resumed trainer restores.
 */
public interface PhaseControl {

  /** The controller's state now; its {@code phase()} is the phase of the next step. */
  PhaseState state();

  /**
   * Observes one completed step's decision statistics and advances the controller.
   *
   * @param decisionAccuracy share of the step's decision samples that named the spy
   * @param naRate           share of the step's decision samples that abstained
   * @return the switch, when the phase changes after this step
   */
  Optional<PhaseSwitch> afterStep(double decisionAccuracy, double naRate);
}
