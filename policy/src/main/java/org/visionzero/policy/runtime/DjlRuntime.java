package org.visionzero.policy.runtime;

import ai.djl.engine.Engine;

/**
 * One-time DJL set-up: PyTorch thread counts (2 intra-op, 1 inter-op were fastest on the 2-core machines)
 * and offline mode, unless the caller set them already (must run before the engine loads); then PyTorch's C++
 * log level ({@link TorchLogLevel}).
 *
 * <p>Measured on a pretraining step at batch 64 (2026-11-27, {@code PretrainStepBench ... threads}, load average
 * 8–12 from other processes): with {@code OMP_WAIT_POLICY=PASSIVE}, 1 and 2 intra-op threads were equal at load 8
 * (144 ms) and 2 threads were 3x faster at load 12 (197 vs 611 ms). With {@code ACTIVE} a step took 2.8–5.5 s with 2
 * threads and 0.4–0.9 s with 1: spinning threads lose their core to every other process. Keep 2 / 1 and PASSIVE.
 */
public final class DjlRuntime {
  public static final String INTRA_OP_THREADS = "2";
  public static final String INTER_OP_THREADS = "1";
  private static volatile boolean initialised;

  private DjlRuntime() {}

  public static synchronized void init() {
    if (initialised) {
      return;
    }
    setIfAbsent("ai.djl.pytorch.num_threads", INTRA_OP_THREADS);
    setIfAbsent("ai.djl.pytorch.num_interop_threads", INTER_OP_THREADS);
    setIfAbsent("ai.djl.offline", "true");
    Engine.getEngine("PyTorch");
    TorchLogLevel.apply();
    initialised = true;
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
