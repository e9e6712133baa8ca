package org.visionzero.policy.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.visionzero.policy.Vocabulary;
import org.visionzero.policy.Vote;
import org.visionzero.policy.model.ModelConfig;
import org.visionzero.policy.model.ModelPolicy;
import org.visionzero.policy.model.VzModel;
import org.visionzero.policy.testing.TestSceneDrawer;

/**
 * DJL scalar operations ({@code x.div(2f)}) build their constant on a direct buffer that is freed at once while
 * autograd still reads it in backward, so a garbage collection inside a step used to crash the JVM in native code.
 * Here collections run every few milliseconds on another thread during every step of both stages: the forked test JVM must
 * survive and every step must give a finite loss.
 */
class GrpoStepGarbageCollectionTest {
  private static final int STEPS = 12;
  private static final int GAMES = 3;

  @Test
  @Timeout(120)
  void shouldSurviveGarbageCollectionsDuringEveryStep() throws InterruptedException {
    Vocabulary vocabulary = Vocabulary.standard();
    try (VzModel model = VzModel.create(ModelConfig.standard(vocabulary.size()), vocabulary, 11, Device.cpu());
        VzModel reference = model.copy()) {
      ModelPolicy policy = new ModelPolicy(model, false);
      List<SimulatedGames.Game> games = SimulatedGames.playClues(policy, new TestSceneDrawer(), 5L, GAMES, 4, 2, 0.8f);
      AtomicBoolean running = new AtomicBoolean(true);
      AtomicLong collections = new AtomicLong();
      Thread collector = new Thread(() -> {
        while (running.get()) {
          System.gc();
          collections.incrementAndGet();
          try {
            Thread.sleep(2); // let the step run between the stop-the-world pauses
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "gc-stress");
      collector.setDaemon(true);
      collector.start();
      SplittableRandom random = new SplittableRandom(3);
      try (GrpoStep step = new GrpoStep(model, reference, n -> true, 0f, 1f)) {
        for (int s = 0; s < STEPS; s++) {
          GrpoMetrics result = step.step(clueItems(games, random), decisionItems(policy, games, random), 1e-4f);
          assertThat(result.loss()).isFinite();
        }
      } finally {
        running.set(false);
        collector.join();
      }
      assertThat(collections.get()).isGreaterThan(STEPS);
    }
  }

  private static List<GrpoStep.ClueItem> clueItems(List<SimulatedGames.Game> games, SplittableRandom random) {
    List<GrpoStep.ClueItem> items = new ArrayList<>();
    for (SimulatedGames.Game g : games) {
      for (SimulatedGames.ClueTurn t : g.clueTurns()) {
        items.add(new GrpoStep.ClueItem(new SampleScorer.ClueSample(t.turn(), t.answer().tokenIds()),
            t.answer().logProbs(), (float) random.nextGaussian()));
      }
    }
    return items;
  }

  private static List<GrpoStep.DecisionItem> decisionItems(ModelPolicy policy, List<SimulatedGames.Game> games,
      SplittableRandom random) {
    List<GrpoStep.DecisionItem> items = new ArrayList<>();
    for (SimulatedGames.Game g : games) {
      var turn = g.observerTurn(8, 0.8f, random.nextLong(), false);
      for (Vote v : policy.decisions(List.of(turn)).get(0).samples()) {
        items.add(new GrpoStep.DecisionItem(new SampleScorer.DecisionSample(turn, v.tokenIds().get(0)),
            v.logProbs()[0], (float) random.nextGaussian()));
      }
    }
    return items;
  }
}
