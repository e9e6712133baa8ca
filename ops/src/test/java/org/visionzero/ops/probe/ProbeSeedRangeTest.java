package org.visionzero.ops.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.visionzero.ops.config.VzRunConfig;
import org.visionzero.policy.train.Pretrainer;
import org.visionzero.producers.scenes.SceneGenerator;
import org.visionzero.producers.scenes.SceneOptions;
import org.visionzero.trainer.TrainerConfig;
import org.visionzero.trainer.sync.SyncLoop;

/**
 * The probe's seeds are none that training or evaluation draws pictures from: checked against the constants and
 * defaults the code uses, not copies of them.
 */
class ProbeSeedRangeTest {

  /** Counts of held-out pairs and games are ints; offsets added to a held-out base are below 2^31. */
  private static final long ANY_INT_COUNT = 1L << 31;

  @Test
  void givenPretraining_whenItsSeedsAreCompared_thenNoneIsTheProbes() {
    // Training pairs start below HELD_OUT_SEED_BASE / 2 (a floorMod of the run seed) and count up one per
    // rendered pair, so even 2^39 rendered pairs stay under HELD_OUT_SEED_BASE.
    assertThat(ProbeSeedRange.overlaps(0, Pretrainer.HELD_OUT_SEED_BASE)).isFalse();
    // Held-out caption pairs and held-out games of v0.
    assertThat(ProbeSeedRange.overlaps(Pretrainer.HELD_OUT_SEED_BASE, ANY_INT_COUNT)).isFalse();
    assertThat(ProbeSeedRange.overlaps(Pretrainer.HELD_OUT_GAME_SEED_BASE, ANY_INT_COUNT)).isFalse();
  }

  @Test
  void givenTheRunsPairProducer_whenItsDefaultSeedsAreCompared_thenNoneIsTheProbes() {
    // vz run's self-play pairs and its held-out evaluation pairs (a share of the same stream) are pairs
    // [produce.seed, produce.seed + produce.count).
    VzRunConfig defaults = new VzRunConfig(Map.of());
    assertThat(ProbeSeedRange.overlaps(defaults.produceSeed(), defaults.produceCount())).isFalse();
  }

  @Test
  void givenTheSynchronousLoop_whenItsSeedsAreCompared_thenNoneIsTheProbes() {
    // Training games: model.seed * 2^20 + game; held-out and win-rate games from SyncLoop.HELD_OUT_SEED_BASE
    // (win-rate games 2^30 above it).
    long modelSeed = new TrainerConfig(Map.of()).modelSeed();
    assertThat(ProbeSeedRange.overlaps(0, (modelSeed + 1) << 20)).isFalse();
    assertThat(ProbeSeedRange.overlaps(SyncLoop.HELD_OUT_SEED_BASE, (1L << 30) + ANY_INT_COUNT)).isFalse();
  }

  @Test
  void givenEveryTaskAndItem_whenSeedsAreDrawn_thenInsideTheProbesRangeAndNeverShared() {
    Set<Long> seen = new HashSet<>();
    for (int task = 0; task < ProbeSuite.TASKS.size(); task++) {
      for (int item : new int[] {0, 1, 2, ProbeSeedRange.MAX_ITEMS - 1}) {
        long first = ProbeSeedRange.itemSeed(task, item);
        assertThat(ProbeSeedRange.overlaps(first, ProbeSeedRange.PER_ITEM)).isTrue();
        assertThat(first).isGreaterThanOrEqualTo(ProbeSeedRange.FIRST);
        assertThat(ProbeSeedRange.choiceSeed(first)).isLessThan(ProbeSeedRange.END);
        for (long s = first; s < first + ProbeSeedRange.PER_ITEM; s++) {
          assertThat(seen.add(s)).as("seed %d used twice", s).isTrue();
        }
      }
    }
    assertThat(ProbeSuite.TASKS.size()).isLessThanOrEqualTo(ProbeSeedRange.MAX_TASKS);
  }

  @Test
  void givenRangesAtTheEdges_whenCompared_thenOverlapExactlyWhenTheyShareASeed() {
    assertThat(ProbeSeedRange.END).isLessThanOrEqualTo(ProbeSeedRange.EFFECTIVE_SEEDS);
    assertThat(ProbeSeedRange.overlaps(ProbeSeedRange.FIRST - 10, 10)).isFalse();
    assertThat(ProbeSeedRange.overlaps(ProbeSeedRange.FIRST - 10, 11)).isTrue();
    assertThat(ProbeSeedRange.overlaps(ProbeSeedRange.END, 1000)).isFalse();
    assertThat(ProbeSeedRange.overlaps(ProbeSeedRange.END - 1, 1)).isTrue();
    assertThat(ProbeSeedRange.overlaps(0, Long.MAX_VALUE)).isTrue();
    assertThat(ProbeSeedRange.overlaps(ProbeSeedRange.FIRST, 0)).isFalse();
    assertThatThrownBy(() -> ProbeSeedRange.itemSeed(ProbeSeedRange.MAX_TASKS, 0)).hasMessageContaining("task index");
    assertThatThrownBy(() -> ProbeSeedRange.itemSeed(0, -1)).hasMessageContaining("item index");
  }

  @Test
  void givenSeedsEqualModulo2To48_whenCompared_thenTheyOverlapBecauseTheyDrawTheSamePicture() {
    // java.util.Random keeps 48 bits of its seed: the same scene for a seed and that seed plus 2^48.
    SceneGenerator scenes = new SceneGenerator(SceneOptions.ofSize(64, 64));
    long seed = 12_345;
    assertThat(pixels(scenes.generate(seed + ProbeSeedRange.EFFECTIVE_SEEDS).original()))
        .isEqualTo(pixels(scenes.generate(seed).original()));

    assertThat(ProbeSeedRange.overlaps(ProbeSeedRange.FIRST + ProbeSeedRange.EFFECTIVE_SEEDS, 1)).isTrue();
    assertThat(ProbeSeedRange.overlaps(ProbeSeedRange.FIRST - 5 * ProbeSeedRange.EFFECTIVE_SEEDS, 1)).isTrue();
    assertThat(ProbeSeedRange.overlaps(ProbeSeedRange.EFFECTIVE_SEEDS - 5, 10)).isFalse(); // wraps to [0, 5)
    assertThat(ProbeSeedRange.overlaps(ProbeSeedRange.FIRST - 5 - ProbeSeedRange.EFFECTIVE_SEEDS, 10)).isTrue();
  }

  private static int[] pixels(BufferedImage image) {
    return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
  }
}
