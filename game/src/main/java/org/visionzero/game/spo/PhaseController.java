package org.visionzero.game.spo;

import java.util.Objects;
import org.visionzero.events.Phase;
import org.visionzero.game.config.GameConfig;

/**
 * Iterative-SPO: decides whether the next optimizer step trains the decision samples or the clue samples.
 * Immutable: {@link #afterStep} returns the controller for the next step, and {@link #save()} /
 * {@link #restore} round-trip it exactly.
 */
public interface PhaseController {

  /** The phase of the next optimizer step. */
  Phase phase();

  /** Optimizer steps observed so far. */
  long steps();

  /** The controller after one optimizer step with these metrics, and the switch it caused, if any. */
  PhaseStep afterStep(DecisionRates metrics);

  /** The state to save with a checkpoint. */
  PhaseControllerState save();

  /** A fresh controller of the configured schedule (all but clue-only start in DECISION). */
  static PhaseController fromConfig(GameConfig config) {
    Objects.requireNonNull(config, "config");
    return switch (config.phaseSchedule()) {
      case FIXED_CYCLE -> StepScheduledController.start(new FixedCycle(config.cycleLength()));
      case HYSTERESIS -> HysteresisController.start(config);
      case CLUE_ONLY, DECISION_ONLY -> StepScheduledController.start(new SingleStage(config.phaseSchedule()));
    };
  }

  /** The controller a saved state describes, with the configured settings. */
  static PhaseController restore(GameConfig config, PhaseControllerState state) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(state, "state");
    if (state.schedule() != config.phaseSchedule()) {
      throw new IllegalArgumentException("saved state is of a " + state.schedule()
          + " controller but the configuration asks for " + config.phaseSchedule()
          + ": restore with the configuration of the run that saved it");
    }
    return switch (state.schedule()) {
      case FIXED_CYCLE -> StepScheduledController.restore(new FixedCycle(config.cycleLength()), state);
      case HYSTERESIS -> HysteresisController.restore(config, state);
      case CLUE_ONLY, DECISION_ONLY -> StepScheduledController.restore(new SingleStage(state.schedule()), state);
    };
  }
}
