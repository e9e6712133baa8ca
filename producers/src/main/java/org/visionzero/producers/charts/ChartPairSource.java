package org.visionzero.producers.charts;

import java.util.Optional;
import org.visionzero.events.ImageSource;
import org.visionzero.producers.pairs.ImagePair;
import org.visionzero.producers.pairs.PngCodec;
import org.visionzero.producers.pairs.SeededPairSource;

/** Charts as a pair source: pair i is the chart pair of seed firstSeed + i, encoded as PNG. */
public final class ChartPairSource extends SeededPairSource {

  private final ChartGenerator generator;

  public ChartPairSource(int width, int height) {
    super(ImageSource.CHARTS, ChartPair.SPY_HINT);
    this.generator = new ChartGenerator(width, height);
  }

  @Override
  public ImagePair pair(long seed) {
    ChartPair chart = generator.generate(seed);
    return new ImagePair(ImageSource.CHARTS, seed, "charts seed " + seed + " (" + chart.originalSpec().kind().word()
        + ", " + chart.swap().attribute().word() + " swapped)", PngCodec.encode(chart.original()),
        PngCodec.encode(chart.modified()), generator.width(), generator.height(), chart.differences(), spyHint(),
        Optional.empty(), Optional.empty());
  }
}
