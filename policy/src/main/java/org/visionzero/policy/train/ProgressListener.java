package org.visionzero.policy.train;

import java.time.Duration;

/** Told about training progress, e.g. to draw a progress bar. */
@FunctionalInterface
public interface ProgressListener {
  /**
   * @param done     share of the run done, 0..1 (steps or time, whichever is further)
   * @param step     optimiser steps made
   * @param loss     latest loss
   * @param elapsed  time since the start
   */
  void onProgress(double done, long step, double loss, Duration elapsed);

  /** A listener that ignores progress. */
  static ProgressListener silent() {
    return (done, step, loss, elapsed) -> {};
  }
}
