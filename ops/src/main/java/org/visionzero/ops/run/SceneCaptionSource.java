package org.visionzero.ops.run;

import org.visionzero.policy.scene.SceneFacts;
import org.visionzero.policy.train.CaptionExample;
import org.visionzero.policy.train.CaptionExampleSource;
import org.visionzero.producers.scenes.SceneGenerator;
import org.visionzero.producers.scenes.SceneOptions;
import org.visionzero.producers.scenes.ScenePair;

/** Pretraining pairs from the producers' scene renderer: the same kind of images the run's games use. */
public final class SceneCaptionSource implements CaptionExampleSource {

  private final SceneGenerator generator;

  public SceneCaptionSource(int imageSize) {
    this.generator = new SceneGenerator(SceneOptions.ofSize(imageSize, imageSize));
  }

  @Override
  public CaptionExample next(long seed) {
    ScenePair pair = generator.generate(seed);
    return new CaptionExample(pair.original(), pair.modified(), SceneFacts.parse(pair.sceneGraphJson()));
  }
}
