package org.visionzero.trainer.phase;

import java.util.Objects;
import org.visionzero.game.config.GameConfig;
import org.visionzero.trainer.state.PhaseState;

/** Builds the controller the rules ask for, continuing from a saved state. */
public final class PhaseControls {
  private PhaseControls() {}

  public static PhaseControl of(GameConfig rules, PhaseState state) {
    Objects.requireNonNull(rules, "rules");
    return switch (rules.phaseSchedule()) {
      case FIXED_CYCLE -> new FixedCyclePhases(rules.cycleLength(), state);
      case HYSTERESIS -> new HysteresisPhases(rules, state);
    };
  }
}
