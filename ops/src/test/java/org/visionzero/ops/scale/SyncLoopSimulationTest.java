package org.visionzero.ops.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.visionzero.game.config.GameConfig;

class SyncLoopSimulationTest {
  private static final GpuLatencyModel H100 = GpuLatencyModel.h100Vlm7B();
  /** Every clue 30 tokens: the loop is deterministic. */
  private static final GpuLatencyModel FIXED_CLUES = new GpuLatencyModel(0.010, 1300, 40e-6, 7.3e-3, 0.06e-3, 30, 30,
      8);
  private static final GameShape CODE = GameShape.of(GameConfig.code());

  @Test
  void codeModeGamesAreEightCluesAndOneObserverDecisionOfEightVotes() {
    assertThat(CODE).isEqualTo(new GameShape(8, 1, 8));
  }

  @Test
  void oneGpuOneGameAlternatesPlayingAndTraining() {
    SyncLoopSimulation.Result result = SyncLoopSimulation.run(1, 1, FIXED_CLUES, CODE, 2.0, 3, 1L);
    double generation = 8 * 0.2828 + 0.12424;
    assertThat(result.meanGenerationSeconds()).isCloseTo(generation, within(1e-9));
    assertThat(result.trajectoriesPerSecond()).isCloseTo(1 / (generation + 2.0), within(1e-9));
    assertThat(result.turnsPerSecond()).isCloseTo(9 / (generation + 2.0), within(1e-9));
    assertThat(result.utilisation()).isCloseTo(generation / (generation + 2.0), within(1e-9));
  }

  @Test
  void goldenFiguresOfTheDefaultModel() {
    SyncLoopSimulation.Result result = SyncLoopSimulation.run(64, 8, H100, CODE, 4.0, 20, 17L);
    assertThat(result.trajectoriesPerSecond()).isCloseTo(GOLDEN_TRAJECTORIES_64, within(1e-6));
    assertThat(result.utilisation()).isCloseTo(GOLDEN_UTILISATION_64, within(1e-6));
  }

  @Test
  void moreGpusWaitLongerForTheSlowest() {
    SyncLoopSimulation.Result few = SyncLoopSimulation.run(2, 8, H100, CODE, 0.0, 20, 17L);
    SyncLoopSimulation.Result many = SyncLoopSimulation.run(256, 8, H100, CODE, 0.0, 20, 17L);
    assertThat(many.utilisation()).isLessThan(few.utilisation());
    assertThat(many.trajectoriesPerSecond() / 256).isLessThan(few.trajectoriesPerSecond() / 2);
  }

  /** Recorded from the implementation on 2026-12-05 (64 GPUs × 8 games, 4 s steps): a change shows here. */
  private static final double GOLDEN_TRAJECTORIES_64 = 49.305091915958;
  private static final double GOLDEN_UTILISATION_64 = 0.606368374953;
}
