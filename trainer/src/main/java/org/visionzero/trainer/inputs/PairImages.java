package org.visionzero.trainer.inputs;

/** Resolves the images of an image pair, so a training sample's turn can be shown to the model again. */
@FunctionalInterface
public interface PairImages {

  /**
   * The pair's decoded images.
   *
   * @throws IllegalArgumentException when the pair is unknown or its images cannot be read
   */
  PairPictures pictures(String pairId);
}
