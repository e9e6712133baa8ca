package org.visionzero.game.spo;

import java.util.Objects;
import java.util.Optional;

/**
 * The result of telling a controller about one optimizer step.
 *
 * @param next   the controller for the following step
 * @param change the switch this step caused, if any
 */
public record PhaseStep(PhaseController next, Optional<PhaseSwitch> change) {
  public PhaseStep {
    Objects.requireNonNull(next, "next");
    Objects.requireNonNull(change, "change");
  }
}
