package org.visionzero.trainer.phase;

import java.util.Objects;
import org.visionzero.events.Phase;

/** A switch of the Iterative-SPO phase after a step, with the controller's reason. */
public record PhaseSwitch(Phase from, Phase to, String reason) {
  public PhaseSwitch {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(reason, "reason");
    if (from == to) {
      throw new IllegalArgumentException("a switch must change the phase, both were " + from);
    }
  }
}
