package org.visionzero.game.spo;

import java.util.Objects;
import org.visionzero.events.Phase;

/**
 * A change of Iterative-SPO phase, as the trainer records it in {@code PhaseChanged}.
 *
 * @param step   optimizer steps completed when the switch happened (1-based)
 * @param from   the phase left
 * @param to     the phase entered
 * @param reason why, e.g. {@code acc=0.910>=0.9, na=0.020<=0.1, dwell=5>=5}
 */
public record PhaseSwitch(long step, Phase from, Phase to, String reason) {
  public PhaseSwitch {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(reason, "reason");
  }
}
