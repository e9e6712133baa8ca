package org.visionzero.producers.publish;

import org.visionzero.producers.charts.ChartPairSource;
import org.visionzero.producers.pairs.PairSource;
import org.visionzero.producers.photos.PhotoOptions;
import org.visionzero.producers.photos.PhotoPairSource;
import org.visionzero.producers.scenes.ScenePairSource;
import org.visionzero.producers.scenes.SceneOptions;

/** Builds the source a run asks for. */
public final class PairSources {

  private PairSources() {
  }

  public static PairSource create(ProduceOptions options) {
    return switch (options.source()) {
      case SCENES -> new ScenePairSource(SceneOptions.ofSize(options.width(), options.height()));
      case CHARTS -> new ChartPairSource(options.width(), options.height());
      case PHOTOS -> new PhotoPairSource(PhotoOptions.of(options.directory().orElseThrow())
          .withSize(options.width(), options.height()));
    };
  }
}
