package org.visionzero.trainer.phase;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.visionzero.events.Phase;
import org.visionzero.game.config.GameConfig;
import org.visionzero.trainer.state.PhaseState;

/**
 * Paper-mode Iterative-SPO (VISION-ZERO.md section 4): EMAs of decision accuracy and N/A rate (decay ρ, start
 * 0) and a dwell counter reset at each switch. DECISION → CLUE when {@code acc ≥ a_min ∧ na ≤ na_max ∧ d ≥ D};
 * CLUE → DECISION when {@code (1 − acc ≥ e_min ∨ na ≥ na_min) ∧ d ≥ D}; with patience on, a phase is left after
 * P steps whatever the EMAs say.
 */
public final class HysteresisPhases implements PhaseControl {
  private final GameConfig rules;
  private PhaseState state;

  public HysteresisPhases(GameConfig rules, PhaseState state) {
    this.rules = Objects.requireNonNull(rules, "rules");
    this.state = Objects.requireNonNull(state, "state");
  }

  @Override
  public PhaseState state() {
    return state;
  }

  @Override
  public Optional<PhaseSwitch> afterStep(double decisionAccuracy, double naRate) {
    double rho = rules.emaRho();
    double acc = rho * state.accuracyEma() + (1 - rho) * decisionAccuracy;
    double na = rho * state.naRateEma() + (1 - rho) * naRate;
    int dwell = state.stepsInPhase() + 1;
    boolean dwelt = dwell >= rules.dwellSteps();
    String reason = null;
    if (state.phase() == Phase.DECISION) {
      if (acc >= rules.clueSwitchMinAccuracy() && na <= rules.clueSwitchMaxNaRate() && dwelt) {
        reason = format("acc=%.3f>=%s, na=%.3f<=%s, dwell=%d>=%d", acc, rules.clueSwitchMinAccuracy(), na,
            rules.clueSwitchMaxNaRate(), dwell, rules.dwellSteps());
      }
    } else if ((1 - acc >= rules.decisionSwitchMinError() || na >= rules.decisionSwitchMinNaRate()) && dwelt) {
      reason = format("err=%.3f>=%s or na=%.3f>=%s, dwell=%d>=%d", 1 - acc, rules.decisionSwitchMinError(), na,
          rules.decisionSwitchMinNaRate(), dwell, rules.dwellSteps());
    }
    if (reason == null && rules.patienceEnabled() && dwell >= rules.patienceSteps()) {
      reason = format("patience: %d steps in %s", dwell, state.phase());
    }
    if (reason == null) {
      state = new PhaseState(state.phase(), acc, na, dwell, state.switches());
      return Optional.empty();
    }
    Phase next = state.phase() == Phase.DECISION ? Phase.CLUE : Phase.DECISION;
    PhaseSwitch change = new PhaseSwitch(state.phase(), next, reason);
    state = new PhaseState(next, acc, na, 0, state.switches() + 1);
    return Optional.of(change);
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
