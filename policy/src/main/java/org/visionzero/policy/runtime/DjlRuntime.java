package org.visionzero.policy.runtime;

import ai.djl.engine.Engine;

/**
 * One-time DJL set-up: PyTorch thread counts (2 intra-op, 1 inter-op were fastest on the 2-core machines)
 * and offline mode, unless the caller set them already. Must run before the engine loads.
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
    initialised = true;
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
