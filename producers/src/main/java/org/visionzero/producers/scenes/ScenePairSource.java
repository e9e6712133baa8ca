package org.visionzero.producers.scenes;

import java.util.Objects;
import java.util.Optional;
import org.visionzero.events.ImageSource;
import org.visionzero.producers.pairs.ImagePair;
import org.visionzero.producers.pairs.PngCodec;
import org.visionzero.producers.pairs.SeededPairSource;

/** Synthetic scenes as a pair source: pair i is the scene of seed firstSeed + i, encoded as PNG. */
public final class ScenePairSource extends SeededPairSource {

  private final SceneGenerator generator;

  public ScenePairSource(SceneOptions options) {
    super(ImageSource.SCENES, ScenePair.SPY_HINT);
    this.generator = new SceneGenerator(Objects.requireNonNull(options, "options"));
  }

  @Override
  public ImagePair pair(long seed) {
    ScenePair scene = generator.generate(seed);
    SceneOptions options = generator.options();
    return new ImagePair(ImageSource.SCENES, seed, "scenes seed " + seed, PngCodec.encode(scene.original()),
        PngCodec.encode(scene.modified()), options.width(), options.height(), scene.differences(), spyHint(),
        Optional.of(scene.sceneGraphJson()), Optional.empty());
  }
}
