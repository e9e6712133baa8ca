package org.visionzero.ops.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.Role;
import org.visionzero.events.TurnKind;
import org.visionzero.game.view.TurnView;
import org.visionzero.policy.PolicyTurn;

class SimulatedGpusTest {
  /** Fixed 30-token clues, and simulated time 100 times faster than real: the test takes milliseconds. */
  private static final GpuLatencyModel MODEL = new GpuLatencyModel(0.010, 1300, 40e-6, 7.3e-3, 0.06e-3, 30, 30, 8);
  private static final double SCALE = 0.01;

  @Test
  void aBatchIsDealtOverTheGroupsGpusAndCountsOnlyTheirBusyTime() {
    SimulatedGpus gpus = new SimulatedGpus(MODEL, 2, 1, SCALE);
    long before = System.nanoTime();
    gpus.clues(turns(3));
    long after = System.nanoTime();
    // GPU 0 answers two turns, GPU 1 one; the call lasts as long as GPU 0
    double busyNanos = (MODEL.clueSeconds(2, 30) + MODEL.clueSeconds(1, 30)) * SCALE * 1e9;
    assertThat(after - before).isGreaterThanOrEqualTo((long) (MODEL.clueSeconds(2, 30) * SCALE * 1e9));
    assertThat(gpus.utilisation(before, after) * 2 * (after - before)).isCloseTo(busyNanos, within(4.0));
    // both GPUs count as in the batch until its slowest is done: GPU 1 waited for GPU 0
    double inBatch = gpus.inBatchShare(before, after) * 2 * (after - before);
    assertThat(inBatch).isCloseTo(2 * MODEL.clueSeconds(2, 30) * SCALE * 1e9, within(4.0));
    assertThat(gpus.busySimulatedSeconds()).isCloseTo(MODEL.clueSeconds(2, 30) + MODEL.clueSeconds(1, 30),
        within(1e-6));
  }

  @Test
  void timeOutsideTheWindowIsNotCounted() {
    SimulatedGpus gpus = new SimulatedGpus(MODEL, 1, 1, SCALE);
    gpus.decisions(turns(1), 8);
    long after = System.nanoTime();
    assertThat(gpus.utilisation(after, after + 1_000_000)).isZero();
  }

  @Test
  void eachWorkerThreadGetsAGroupAndNoMoreThreadsThanGroupsAreServed() throws Exception {
    SimulatedGpus gpus = new SimulatedGpus(MODEL, 4, 2, SCALE);
    runOnNewThread(gpus);
    runOnNewThread(gpus);
    assertThatThrownBy(() -> runOnNewThread(gpus)).hasRootCauseInstanceOf(IllegalStateException.class)
        .rootCause().hasMessageContaining("more worker threads than the 2 GPU groups");
  }

  private static void runOnNewThread(SimulatedGpus gpus) throws InterruptedException, ExecutionException {
    CompletableFuture<Void> done = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      try {
        gpus.clues(turns(1));
        done.complete(null);
      } catch (RuntimeException e) {
        done.completeExceptionally(e);
      }
    });
    thread.start();
    done.get();
  }

  private static List<PolicyTurn> turns(int count) {
    return IntStream.range(0, count).mapToObj(i -> PolicyTurn.of(view(i), null)).toList();
  }

  private static TurnView view(int seed) {
    return new TurnView("g" + seed, 1, 1, TurnKind.CLUE, 1, 1, Role.CIVILIAN, 4, null, "", List.of(), List.of(), 1,
        1.0f, seed, new PolicyRef("random", 0));
  }
}
