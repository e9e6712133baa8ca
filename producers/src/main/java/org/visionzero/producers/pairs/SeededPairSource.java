package org.visionzero.producers.pairs;

import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.visionzero.events.ImageSource;

/**
 * A generator whose pair i is a pure function of seed firstSeed + i (scenes, charts): it makes one pair, the
 * seeds of a run follow from that, and nothing is ever rejected.
 */
public abstract class SeededPairSource implements PairSource {

  private final ImageSource kind;
  private final String spyHint;

  protected SeededPairSource(ImageSource kind, String spyHint) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.spyHint = Objects.requireNonNull(spyHint, "spyHint");
  }

  /** The pair of one seed, as published. */
  public abstract ImagePair pair(long seed);

  @Override
  public final ImageSource kind() {
    return kind;
  }

  @Override
  public final String spyHint() {
    return spyHint;
  }

  @Override
  public final Iterator<SourceItem> items(long firstSeed, long count) {
    return new Iterator<>() {
      private long produced;

      @Override
      public boolean hasNext() {
        return produced < count;
      }

      @Override
      public SourceItem next() {
        if (!hasNext()) {
          throw new NoSuchElementException("all " + count + " " + kind.name().toLowerCase(Locale.ROOT)
              + " were produced");
        }
        return new SourceItem.Produced(pair(firstSeed + produced++));
      }
    };
  }
}
