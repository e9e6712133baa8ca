package org.visionzero.policy.runtime;

import ai.djl.pytorch.jni.JniUtils;

/**
 * Turns PyTorch's grad mode off for inference and restores it on close. Grad mode is per thread and only the
 * thread that loaded the engine starts with it off: a worker thread would otherwise record an autograd graph
 * for every sampled turn.
 */
public final class NoGrad implements AutoCloseable {
  private final boolean previous;

  private NoGrad() {
    previous = JniUtils.isGradMode();
    JniUtils.setGradMode(false);
  }

  /** Enters a no-grad scope; use in try-with-resources. Must not be used inside an open GradientCollector. */
  public static NoGrad enter() {
    DjlRuntime.init();
    return new NoGrad();
  }

  @Override
  public void close() {
    JniUtils.setGradMode(previous);
  }
}
