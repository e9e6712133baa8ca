package org.visionzero.trainer.phase;

import java.util.Objects;
import java.util.Optional;
import org.visionzero.events.Phase;
import org.visionzero.trainer.state.PhaseState;

/**
 * Code-mode Iterative-SPO: L decision steps, then L clue steps, and so on; the phase of 0-based step t is
 * DECISION when {@code (t mod 2L) < L}. The dwell counter is the position inside the current run of L.
 */
public final class FixedCyclePhases implements PhaseControl {
  private final int cycleLength;
  private PhaseState state;

  public FixedCyclePhases(int cycleLength, PhaseState state) {
    if (cycleLength < 1) {
      throw new IllegalArgumentException("cycle length L must be >= 1, was " + cycleLength);
    }
    this.cycleLength = cycleLength;
    this.state = Objects.requireNonNull(state, "state");
    if (state.stepsInPhase() >= cycleLength) {
      throw new IllegalArgumentException("saved dwell " + state.stepsInPhase() + " does not fit cycle length "
          + cycleLength + ": was the checkpoint written with another L?");
    }
  }

  @Override
  public PhaseState state() {
    return state;
  }

  @Override
  public Optional<PhaseSwitch> afterStep(double decisionAccuracy, double naRate) {
    int dwell = state.stepsInPhase() + 1;
    if (dwell < cycleLength) {
      state = new PhaseState(state.phase(), 0, 0, dwell, state.switches());
      return Optional.empty();
    }
    Phase next = state.phase() == Phase.DECISION ? Phase.CLUE : Phase.DECISION;
    PhaseSwitch change = new PhaseSwitch(state.phase(), next, "fixed cycle L=" + cycleLength);
    state = new PhaseState(next, 0, 0, 0, state.switches() + 1);
    return Optional.of(change);
  }
}
