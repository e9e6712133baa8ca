package org.visionzero.trainer.phase;

import java.util.Objects;
import java.util.Optional;
import org.visionzero.events.Phase;
import org.visionzero.game.config.GameConfig;
import org.visionzero.game.spo.PhaseController;
import org.visionzero.game.spo.PhaseControllerState;
import org.visionzero.game.spo.PhaseStep;
import org.visionzero.game.spo.PhaseSwitch;
import org.visionzero.game.spo.StepMetrics;

/** The game's immutable Iterative-SPO controllers behind the trainer's {@link PhaseControl}. */
public final class PhaseControls implements PhaseControl {
  private PhaseController controller;

  private PhaseControls(PhaseController controller) {
    this.controller = Objects.requireNonNull(controller, "controller");
  }

  /** A fresh controller of the schedule the rules ask for (starts in DECISION). */
  public static PhaseControls start(GameConfig rules) {
    return new PhaseControls(PhaseController.fromConfig(rules));
  }

  /** The controller a checkpoint saved, with the run's rules. */
  public static PhaseControls restore(GameConfig rules, PhaseControllerState state) {
    return new PhaseControls(PhaseController.restore(rules, state));
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
    PhaseStep step = controller.afterStep(new StepMetrics(decisionAccuracy, naRate));
    controller = step.next();
    return step.change();
  }
}
