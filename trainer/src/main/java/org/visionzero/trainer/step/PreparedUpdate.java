package org.visionzero.trainer.step;

import org.visionzero.policy.train.GrpoMetrics;

/**
 * A GRPO update whose loss and gradients are computed but not yet applied: the trainer looks at the metrics
 * and either applies it (clip, optimizer step) or discards it (gradients zeroed, weights untouched).
 * Exactly one of {@link #apply} and {@link #discard} must be called.
 */
public interface PreparedUpdate {
  GrpoMetrics metrics();

  /** Clips the gradients and takes the optimizer step. */
  void apply();

  /** Drops the gradients; weights and optimizer state stay as they were. */
  void discard();
}
