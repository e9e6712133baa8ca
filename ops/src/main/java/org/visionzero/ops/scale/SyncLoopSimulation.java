package org.visionzero.ops.scale;

import java.util.SplittableRandom;

/**
 * The synchronous loop the streaming pipeline is compared with, simulated in discrete events (it has no
 * orchestration to measure): every step, each of the {@code gpus} plays {@code gamesPerGpu} games in lock step
 * (one batch per turn of the game plan, a clue batch lasting as long as its longest clue), the step waits for the
 * slowest GPU, then trains for {@code trainStepSeconds} while the GPUs wait, and repeats. Trained samples are
 * always of the current version: staleness 0.
 */
public final class SyncLoopSimulation {

  private SyncLoopSimulation() {
  }

  /**
   * @param trajectoriesPerSecond games played and trained a simulated second
   * @param turnsPerSecond        turns answered a simulated second
   * @param utilisation           busy time of the GPUs over their time
   * @param meanGenerationSeconds mean time from a step's start to its slowest GPU's last answer
   */
  public record Result(double trajectoriesPerSecond, double turnsPerSecond, double utilisation,
      double meanGenerationSeconds) {
  }

  /**
   * Simulates {@code steps} steps.
   *
   * @param seed draws the clue lengths, so a run is reproducible
   */
  public static Result run(int gpus, int gamesPerGpu, GpuLatencyModel model, GameShape shape,
      double trainStepSeconds, int steps, long seed) {
    if (gpus < 1 || gamesPerGpu < 1 || steps < 1 || trainStepSeconds < 0) {
      throw new IllegalArgumentException("need gpus, games per GPU and steps >= 1 and a step time >= 0");
    }
    SplittableRandom random = new SplittableRandom(seed);
    double elapsed = 0;
    double busy = 0;
    double generation = 0;
    for (int step = 0; step < steps; step++) {
      double slowest = 0;
      for (int gpu = 0; gpu < gpus; gpu++) {
        double seconds = 0;
        for (int turn = 0; turn < shape.clueTurns(); turn++) {
          int longest = 0;
          for (int game = 0; game < gamesPerGpu; game++) {
            longest = Math.max(longest, model.clueTokens(random.nextLong()));
          }
          seconds += model.clueSeconds(gamesPerGpu, longest);
        }
        seconds += shape.decisionTurns() * model.decisionSeconds(gamesPerGpu, shape.samples());
        busy += seconds;
        slowest = Math.max(slowest, seconds);
      }
      generation += slowest;
      elapsed += slowest + trainStepSeconds;
    }
    double games = (double) steps * gpus * gamesPerGpu;
    return new Result(games / elapsed, games * shape.turns() / elapsed, busy / (gpus * elapsed), generation / steps);
  }
}
