package org.visionzero.trainer.sync;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.visionzero.trainer.inputs.PairImages;
import org.visionzero.trainer.inputs.PairPictures;

/** The pairs of the games in flight, kept in memory by the synchronous loop. */
public final class MemoryPairImages implements PairImages {
  private final Map<String, PairPictures> pairs = new ConcurrentHashMap<>();

  public void put(String pairId, PairPictures pictures) {
    pairs.put(pairId, pictures);
  }

  public void clear() {
    pairs.clear();
  }

  @Override
  public PairPictures pictures(String pairId) {
    PairPictures pictures = pairs.get(pairId);
    if (pictures == null) {
      throw new IllegalArgumentException("pair " + pairId + " is not among the games in flight");
    }
    return pictures;
  }
}
