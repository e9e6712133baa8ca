package org.visionzero.policy.train;

/**
 * Where pretraining and simulated games get image pairs: the producers' scene renderer in {@code vz pretrain},
 * a small drawer in tests. The same seed must give the same pair.
 */
@FunctionalInterface
public interface CaptionExampleSource {
  CaptionExample next(long seed);
}
