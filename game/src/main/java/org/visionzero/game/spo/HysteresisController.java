package org.visionzero.game.spo;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.visionzero.events.Phase;
import org.visionzero.game.config.GameConfig;
import org.visionzero.game.config.GameConfig.PhaseSchedule;

/**
 * Paper mode: EMAs (ρ, start 0) of decision accuracy and N/A rate, and a dwell counter reset at each switch.
 * Starts in DECISION. After each step the EMAs and the dwell are updated, then:
 * DECISION → CLUE when {@code acc ≥ 0.9 ∧ na ≤ 0.1 ∧ d ≥ 5};
 * CLUE → DECISION when {@code (1 − acc ≥ 0.4 ∨ na ≥ 0.5) ∧ d ≥ 5};
 * with patience enabled, a phase that lasted P steps is left anyway.
 */
public final class HysteresisController implements PhaseController {
  private final GameConfig config;
  private final Phase phase;
  private final long steps;
  private final int dwell;
  private final double accuracyEma;
  private final double naRateEma;

  private HysteresisController(GameConfig config, Phase phase, long steps, int dwell, double accuracyEma,
      double naRateEma) {
    this.config = config;
    this.phase = phase;
    this.steps = steps;
    this.dwell = dwell;
    this.accuracyEma = accuracyEma;
    this.naRateEma = naRateEma;
  }

  /** A controller before its first step: DECISION, EMAs at 0. */
  public static HysteresisController start(GameConfig config) {
    return new HysteresisController(Objects.requireNonNull(config, "config"), Phase.DECISION, 0, 0, 0, 0);
  }

  static HysteresisController restore(GameConfig config, PhaseControllerState state) {
    return new HysteresisController(config, state.phase(), state.steps(), state.dwell(), state.accuracyEma(),
        state.naRateEma());
  }

  @Override
  public Phase phase() {
    return phase;
  }

  @Override
  public long steps() {
    return steps;
  }

  public int dwell() {
    return dwell;
  }

  public double accuracyEma() {
    return accuracyEma;
  }

  public double naRateEma() {
    return naRateEma;
  }

  @Override
  public PhaseStep afterStep(DecisionRates metrics) {
    Objects.requireNonNull(metrics, "metrics");
    double rho = config.emaRho();
    double acc = rho * accuracyEma + (1 - rho) * metrics.decisionAccuracy();
    double na = rho * naRateEma + (1 - rho) * metrics.naRate();
    int d = dwell + 1;
    long step = steps + 1;
    Optional<String> reason = phase == Phase.DECISION ? toClueReason(acc, na, d) : toDecisionReason(acc, na, d);
    if (reason.isEmpty() && config.patienceEnabled() && d >= config.patienceSteps()) {
      reason = Optional.of(String.format(Locale.ROOT, "patience: %d steps in %s >= %d", d, phase,
          config.patienceSteps()));
    }
    if (reason.isEmpty()) {
      return new PhaseStep(new HysteresisController(config, phase, step, d, acc, na), Optional.empty());
    }
    Phase other = phase == Phase.DECISION ? Phase.CLUE : Phase.DECISION;
    return new PhaseStep(new HysteresisController(config, other, step, 0, acc, na),
        Optional.of(new PhaseSwitch(step, phase, other, reason.get())));
  }

  private Optional<String> toClueReason(double acc, double na, int d) {
    boolean go = acc >= config.clueSwitchMinAccuracy() && na <= config.clueSwitchMaxNaRate()
        && d >= config.dwellSteps();
    return go ? Optional.of(String.format(Locale.ROOT, "acc=%.3f>=%s, na=%.3f<=%s, dwell=%d>=%d", acc,
        config.clueSwitchMinAccuracy(), na, config.clueSwitchMaxNaRate(), d, config.dwellSteps()))
        : Optional.empty();
  }

  private Optional<String> toDecisionReason(double acc, double na, int d) {
    boolean weak = 1 - acc >= config.decisionSwitchMinError();
    boolean abstaining = na >= config.decisionSwitchMinNaRate();
    if (!(weak || abstaining) || d < config.dwellSteps()) {
      return Optional.empty();
    }
    String why = weak
        ? String.format(Locale.ROOT, "1-acc=%.3f>=%s", 1 - acc, config.decisionSwitchMinError())
        : String.format(Locale.ROOT, "na=%.3f>=%s", na, config.decisionSwitchMinNaRate());
    return Optional.of(why + String.format(Locale.ROOT, ", dwell=%d>=%d", d, config.dwellSteps()));
  }

  @Override
  public PhaseControllerState save() {
    return new PhaseControllerState(PhaseSchedule.HYSTERESIS, phase, steps, dwell, accuracyEma, naRateEma);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof HysteresisController that && config.equals(that.config) && save().equals(that.save());
  }

  @Override
  public int hashCode() {
    return save().hashCode();
  }

  @Override
  public String toString() {
    return "HysteresisController" + save();
  }
}
