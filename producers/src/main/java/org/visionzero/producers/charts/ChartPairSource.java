package org.visionzero.producers.charts;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.visionzero.events.ImageSource;
import org.visionzero.producers.pairs.ImagePair;
import org.visionzero.producers.pairs.PairSource;
import org.visionzero.producers.pairs.PngCodec;
import org.visionzero.producers.pairs.SourceItem;

/** Charts as a pair source: pair i is the chart pair of seed firstSeed + i, encoded as PNG. */
public final class ChartPairSource implements PairSource {

  private final ChartGenerator generator;

  public ChartPairSource(int width, int height) {
    this.generator = new ChartGenerator(width, height);
  }

  @Override
  public ImageSource kind() {
    return ImageSource.CHARTS;
  }

  @Override
  public String spyHint() {
    return ChartPair.SPY_HINT;
  }

  /** The pair of one seed, as published. */
  public ImagePair pair(long seed) {
    ChartPair chart = generator.generate(seed);
    return new ImagePair(ImageSource.CHARTS, seed, "charts seed " + seed + " (" + chart.originalSpec().kind().word()
        + ", " + chart.swap().attribute().word() + " swapped)", PngCodec.encode(chart.original()),
        PngCodec.encode(chart.modified()), generator.width(), generator.height(), chart.differences(), spyHint(),
        Optional.empty(), Optional.empty());
  }

  @Override
  public Iterator<SourceItem> items(long firstSeed, long count) {
    return new Iterator<>() {
      private long produced;

      @Override
      public boolean hasNext() {
        return produced < count;
      }

      @Override
      public SourceItem next() {
        if (!hasNext()) {
          throw new NoSuchElementException("all " + count + " charts were produced");
        }
        return new SourceItem.Produced(pair(firstSeed + produced++));
      }
    };
  }
}
