package org.visionzero.trainer.sync;

import org.visionzero.policy.Policy;
import org.visionzero.trainer.step.Learner;

/**
 * What the synchronous loop trains and plays with: one set of live weights that both play (as
 * {@link #current()}) and learn (through {@link #learner()}), like the authors' single-process implementation,
 * plus the frozen starting model v0 for the win rate.
 */
public interface SyncModel extends AutoCloseable {

  Learner learner();

  /** Plays with the weights being trained. */
  Policy current();

  /** The frozen starting model v0 (opponent and referee of the win rate). */
  Policy base();

  /** Labels the current policy's answers with a new version (after a checkpoint interval). */
  void version(int version);

  @Override
  void close();
}
