package org.visionzero.producers.pairs;

import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * A generator whose pair i is a pure function of seed firstSeed + i (scenes, charts): it makes one pair, the
 * seeds of a run follow from that, and nothing is ever rejected.
 */
public interface SeededPairSource extends PairSource {

  /** The pair of one seed, as published. */
  ImagePair pair(long seed);

  @Override
  default Iterator<SourceItem> items(long firstSeed, long count) {
    return new Iterator<>() {
      private long produced;

      @Override
      public boolean hasNext() {
        return produced < count;
      }

      @Override
      public SourceItem next() {
        if (!hasNext()) {
          throw new NoSuchElementException("all " + count + " " + kind().name().toLowerCase(Locale.ROOT)
              + " were produced");
        }
        return new SourceItem.Produced(pair(firstSeed + produced++));
      }
    };
  }
}
