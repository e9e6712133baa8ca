package org.visionzero.trainer.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.Purpose;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.game.config.GameConfig;
import org.visionzero.policy.Vocabulary;
import org.visionzero.policy.scripted.RandomPolicy;
import org.visionzero.trainer.inputs.PairPictures;

class InProcessGamesTest {
  private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");

  private static PairPictures pictures(int shade) {
    BufferedImage original = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
    BufferedImage modified = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
    modified.setRGB(3, 3, new Color(shade, 0, 0).getRGB());
    return new PairPictures(original, modified, "in the odd picture two objects differ");
  }

  @Test
  void shouldPlayEveryGameToAScoredTrajectoryWithTheGamesOwnFoldAndScorer() {
    RandomPolicy random = new RandomPolicy(Vocabulary.standard());
    InProcessGames games = new InProcessGames(GameConfig.code(), ref -> random);
    PolicyRef ref = random.ref();

    List<ScoredTrajectory> played = games.play(List.of(
        GameSetup.training("g1", 11, "p1", pictures(200), ref),
        GameSetup.training("g2", 12, "p2", pictures(100), ref)), NOW);

    assertThat(played).extracting(ScoredTrajectory::getGameId).containsExactly("g1", "g2");
    assertThat(played).allSatisfy(game -> {
      assertThat(game.getPurpose()).isEqualTo(Purpose.TRAINING);
      assertThat(game.getClues()).hasSize(8);
      assertThat(game.getDecisions()).hasSize(8);
      assertThat(game.getClueRewards().stream().mapToDouble(Double::doubleValue).sum())
          .isCloseTo(0.0, org.assertj.core.api.Assertions.within(1e-9));
    });
  }
}
