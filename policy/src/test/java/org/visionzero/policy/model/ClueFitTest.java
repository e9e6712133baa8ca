package org.visionzero.policy.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.visionzero.policy.PolicyTurn;
import org.visionzero.policy.checkpoint.Checkpoint;
import org.visionzero.policy.checkpoint.Checkpoints;
import org.visionzero.policy.testing.TestSceneDrawer;
import org.visionzero.policy.train.SimulatedGames;

/**
 * The clue fit ({@link VzNetwork#clueFit}) of the committed v0: with no training at all, the seat whose clues the
 * decoder finds least likely given the original image is the spy; given a blank image, it is not.
 */
class ClueFitTest {
  private static final String V0_RESOURCE = "/org/visionzero/policy/v0-testscenes.vzck";
  private static final int GAMES = 100;
  private static final int PLAYERS = 4;

  @Test
  void shouldPointAtTheSpyWithTheImageAndNotWithoutIt() throws IOException {
    byte[] bytes = resource();
    try (VzModel v0 = Checkpoints.load(bytes, Checkpoints.sha256(bytes), Device.cpu())) {
      List<SimulatedGames.Game> games = SimulatedGames.playClues(new ModelPolicy(v0, false), new TestSceneDrawer(),
          5_000_000L, GAMES, PLAYERS, 2, 0.8f);

      double withImage = shareOfSpiesWithTheWorstFit(v0, games, false);
      double blank = shareOfSpiesWithTheWorstFit(v0, games, true);

      System.out.printf("clue fit finds the spy: %.2f with the image, %.2f with a blank image%n", withImage, blank);
      assertThat(withImage).isGreaterThanOrEqualTo(0.9);
      assertThat(blank).isLessThanOrEqualTo(0.6);
    }
  }

  @Test
  void shouldScoreEachSeatsBestClueAtLeastAsHighAsAllItsCluesTogether() throws IOException {
    byte[] bytes = resource();
    try (VzModel v0 = Checkpoints.load(bytes, Checkpoints.sha256(bytes), Device.cpu())) {
      List<SimulatedGames.Game> games = SimulatedGames.playClues(new ModelPolicy(v0, false), new TestSceneDrawer(),
          5_100_000L, 20, PLAYERS, 2, 0.8f);
      float[] fit = fit(v0, games, false);
      int players = v0.config().maxPlayers();
      int spyBestLowest = 0;
      for (int b = 0; b < games.size(); b++) {
        int lowestBest = 1;
        for (int seat = 1; seat <= PLAYERS; seat++) {
          int at = (b * players + seat - 1) * VzNetwork.FIT_FEATURES;
          // The geometric mean over all tokens is a token-weighted mean of the clues' own: never above the best.
          assertThat(fit[at + 2]).isGreaterThanOrEqualTo(fit[at] - 1e-5f).isLessThanOrEqualTo(1f);
          if (fit[at + 2] < fit[(b * players + lowestBest - 1) * VzNetwork.FIT_FEATURES + 2]) {
            lowestBest = seat;
          }
        }
        spyBestLowest += lowestBest == games.get(b).spySeat() ? 1 : 0;
        for (int seat = PLAYERS + 1; seat <= players; seat++) { // seats beyond the game have no clues
          assertThat(fit[(b * players + seat - 1) * VzNetwork.FIT_FEATURES + 2]).isZero();
        }
      }
      // Neither of the spy's own clues fits the original image.
      assertThat(spyBestLowest).isGreaterThanOrEqualTo(16);
    }
  }

  @Test
  void shouldLoadACheckpointWrittenBeforeTheClueFitWithItsWeightsAtZero() throws IOException {
    byte[] bytes = resource(); // written before decision.fit.w existed
    Checkpoint checkpoint = Checkpoints.decode(bytes, Checkpoints.sha256(bytes));

    float[] fitWeights = checkpoint.parameters().get(ParameterSet.CLUE_FIT_WEIGHTS);
    assertThat(fitWeights).hasSize(2 * checkpoint.config().decisionDim()).containsOnly(0f);
    assertThat(checkpoint.parameters().get(ParameterSet.BEST_CLUE_FIT_WEIGHTS))
        .hasSize(checkpoint.config().decisionDim()).containsOnly(0f);
    assertThat(List.copyOf(checkpoint.parameters().keySet()))
        .isEqualTo(List.copyOf(ParameterSet.shapes(checkpoint.config()).keySet()));
  }

  @Test
  void shouldLoadACheckpointWrittenBeforeTheEchoWithThePriorInEveryRole() throws IOException {
    byte[] bytes = resource(); // written before decoder.echo existed
    Checkpoint checkpoint = Checkpoints.decode(bytes, Checkpoints.sha256(bytes));

    float[] echo = checkpoint.parameters().get(ParameterSet.ECHO_LOGITS);
    assertThat(echo).hasSize(ModelConfig.ROLES);
    for (float logit : echo) {
      assertThat(EchoMixture.echoProbability(logit)).isCloseTo(ModelConfig.ECHO_PRIOR, within(1e-6));
    }
  }

  private static double shareOfSpiesWithTheWorstFit(VzModel model, List<SimulatedGames.Game> games,
      boolean blankImage) {
    int players = model.config().maxPlayers();
    float[] fit = fit(model, games, blankImage);
    int found = 0;
    for (int b = 0; b < games.size(); b++) {
      int worst = 1;
      for (int seat = 2; seat <= PLAYERS; seat++) {
        if (fit[(b * players + seat - 1) * VzNetwork.FIT_FEATURES]
            < fit[(b * players + worst - 1) * VzNetwork.FIT_FEATURES]) {
          worst = seat;
        }
      }
      found += worst == games.get(b).spySeat() ? 1 : 0;
    }
    return (double) found / games.size();
  }

  /** The clue fit of each game's observer turn: [games, maxPlayers, FIT_FEATURES], flattened. */
  private static float[] fit(VzModel model, List<SimulatedGames.Game> games, boolean blankImage) {
    List<TurnBatch.Input> inputs = new ArrayList<>();
    for (SimulatedGames.Game g : games) {
      PolicyTurn turn = g.observerTurn(1, 1f, 0L, blankImage);
      inputs.add(new TurnBatch.Input(turn.view(), turn.image()));
    }
    try (NDManager manager = model.newStepManager()) {
      TurnBatch.Arrays in = new TurnBatch(model.config(), model.vocabulary(), inputs).toArrays(manager);
      VzNetwork net = model.network();
      return net.clueFit(net.encode(in.images()), in).toFloatArray();
    }
  }

  private static byte[] resource() throws IOException {
    try (InputStream in = ClueFitTest.class.getResourceAsStream(V0_RESOURCE)) {
      assertThat(in).as("test resource " + V0_RESOURCE).isNotNull();
      return in.readAllBytes();
    }
  }
}
