package org.visionzero.trainer.inputs;

import java.awt.image.BufferedImage;
import java.util.Objects;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.game.config.GameConfig;
import org.visionzero.game.view.TurnView;
import org.visionzero.game.view.TurnViews;
import org.visionzero.policy.PolicyTurn;
import org.visionzero.trainer.sample.TrainingSample;

/**
 * Rebuilds the turn a sample was drawn at, from its scored trajectory: the view is the game's
 * ({@link TurnViews#forScoredTurn}), the picture comes from the pair's images. The model's log-probs of the sampled
 * tokens are recomputed on exactly this input, so the GRPO ratio compares like with like.
 */
public final class TurnInputs {
  private final GameConfig rules;
  private final PairImages images;

  public TurnInputs(GameConfig rules, PairImages images) {
    this.rules = Objects.requireNonNull(rules, "rules");
    this.images = Objects.requireNonNull(images, "images");
  }

  /** The turn of a sample as the model saw it. */
  public PolicyTurn turnOf(TrainingSample sample) {
    ScoredTrajectory game = sample.game();
    PairPictures pictures = images.pictures(game.getPairId());
    TurnView view = TurnViews.forScoredTurn(game, rules, sample.kind(), sample.seat(), sample.round(),
        sample.behaviour(), pictures.spyHint());
    BufferedImage image = switch (TurnViews.imageShown(view, rules, game.getBlankDecisionImage())) {
      case ORIGINAL -> pictures.original();
      case MODIFIED -> pictures.modified();
      case BLANK -> null;
    };
    return PolicyTurn.of(view, image);
  }
}
