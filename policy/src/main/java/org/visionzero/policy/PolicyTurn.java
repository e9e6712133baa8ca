package org.visionzero.policy;

import java.awt.image.BufferedImage;
import java.util.Objects;
import org.visionzero.game.view.TurnView;
import org.visionzero.policy.scene.SceneFacts;

/**
 * One turn as a policy receives it.
 *
 * @param view  what the seat may see (built by the game rules)
 * @param image the decoded image the seat sees; {@code null} means a blank image
 * @param facts ground truth of the scene, for the oracle only; {@code null} when unknown (e.g. photos)
 */
public record PolicyTurn(TurnView view, BufferedImage image, SceneFacts facts) {
  public PolicyTurn {
    Objects.requireNonNull(view, "view");
  }

  /** A turn without ground truth, as every learned policy receives it. */
  public static PolicyTurn of(TurnView view, BufferedImage image) {
    return new PolicyTurn(view, image, null);
  }
}
