package org.visionzero.trainer.sync;

import org.visionzero.trainer.inputs.PairPictures;

/** Image pairs for the synchronous loop; the same seed gives the same pair. */
@FunctionalInterface
public interface SyncPairs {
  PairPictures pair(long seed);
}
