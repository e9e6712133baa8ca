package org.visionzero.trainer.inputs;

import java.awt.image.BufferedImage;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.visionzero.events.Role;
import org.visionzero.events.ScoredClue;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.events.TurnKind;
import org.visionzero.game.config.GameConfig;
import org.visionzero.game.view.TurnView;
import org.visionzero.game.view.VisibleClue;
import org.visionzero.policy.PolicyTurn;
import org.visionzero.trainer.sample.TrainingSample;

/**
 * Rebuilds the turn a sample was drawn at, from its scored trajectory: the image the seat saw, its role, and
 * the clues spoken before it (round then seat order, clues only). The model's log-probs of the sampled tokens
 * are recomputed on exactly this input, so the GRPO ratio compares like with like.
 */
public final class TurnInputs {
  private static final Comparator<ScoredClue> SPEAKING_ORDER =
      Comparator.comparingInt(ScoredClue::getRound).thenComparingInt(ScoredClue::getSeat);
  private static final long NO_SAMPLING = 0L;

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
    int players = game.getNumPlayers();
    List<ScoredClue> spoken = game.getClues().stream().sorted(SPEAKING_ORDER).toList();
    if (sample.kind() == TurnKind.CLUE) {
      List<VisibleClue> before = spoken.stream()
          .filter(c -> c.getRound() < sample.round() || (c.getRound() == sample.round() && c.getSeat() < sample.seat()))
          .map(TurnInputs::visible).toList();
      int turn = (sample.round() - 1) * players + (sample.seat() - 1);
      BufferedImage image = sample.role() == Role.SPY
          ? (rules.blankSpyImage() ? null : pictures.modified())
          : pictures.original();
      return PolicyTurn.of(view(game, turn, sample, before, 1, pictures.spyHint()), image);
    }
    List<VisibleClue> all = spoken.stream().map(TurnInputs::visible).toList();
    int turn = rules.clueRounds() * players + Math.max(0, sample.seat() - 1);
    BufferedImage image = game.getBlankDecisionImage() ? null : pictures.original();
    return PolicyTurn.of(view(game, turn, sample, all, rules.decisionSamples(), pictures.spyHint()), image);
  }

  private TurnView view(ScoredTrajectory game, int turn, TrainingSample sample, List<VisibleClue> history,
      int samples, String spyHint) {
    return new TurnView(game.getGameId(), turn, 1, sample.kind(), sample.seat(), sample.round(), sample.role(),
        game.getNumPlayers(), null, spyHint, history, List.of(), samples, rules.temperature(), NO_SAMPLING,
        sample.behaviour());
  }

  private static VisibleClue visible(ScoredClue clue) {
    return new VisibleClue(clue.getSeat(), clue.getRound(), clue.getText(), clue.getSample().getTokenIds());
  }
}
