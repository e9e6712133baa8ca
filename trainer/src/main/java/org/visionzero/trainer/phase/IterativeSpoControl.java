package org.visionzero.trainer.phase;

import java.util.Objects;
import java.util.Optional;
import org.visionzero.events.Phase;
import org.visionzero.game.config.GameConfig;
import org.visionzero.game.spo.PhaseController;
import org.visionzero.game.spo.PhaseControllerState;
import org.visionzero.game.spo.PhaseStep;
import org.visionzero.game.spo.PhaseSwitch;
import org.visionzero.game.spo.DecisionRates;

/** The game's immutable Iterative-SPO controllers behind the trainer's {@link PhaseControl}. */
public final class IterativeSpoControl implements PhaseControl {
  private PhaseController controller;

  private IterativeSpoControl(PhaseController controller) {
    this.controller = Objects.requireNonNull(controller, "controller");
  }

  /** A fresh controller of the schedule the rules ask for (starts in DECISION). */
  public static IterativeSpoControl start(GameConfig rules) {
    return new IterativeSpoControl(PhaseController.fromConfig(rules));
  }

  /** The controller a checkpoint saved, with the run's rules. */
  public static IterativeSpoControl restore(GameConfig rules, PhaseControllerState state) {
    return new IterativeSpoControl(PhaseController.restore(rules, state));
  }

  @Override
  public Phase phase() {
    return controller.phase();
  }

  @Override
  public PhaseControllerState state() {
    return controller.save();
  }

  @Override
  public Optional<PhaseSwitch> afterStep(double decisionAccuracy, double naRate) {
    PhaseStep step = controller.afterStep(new DecisionRates(decisionAccuracy, naRate));
    controller = step.next();
    return step.change();
  }
}
