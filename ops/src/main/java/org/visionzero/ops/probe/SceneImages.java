package org.visionzero.ops.probe;

import java.awt.image.BufferedImage;
import java.util.List;
import org.visionzero.policy.model.ImageTensors;
import org.visionzero.policy.scene.SceneFacts;
import org.visionzero.producers.scenes.SceneGenerator;
import org.visionzero.producers.scenes.SceneOptions;
import org.visionzero.producers.scenes.ScenePair;

/**
 * The pictures of a producers' scene pair and their captions as pretraining words it ("colour shape" per object,
 * left to right: {@link SceneFacts#captionWords}). Scenes are drawn at pretraining's size and kept at the model's.
 */
final class SceneImages {

  /** A scene's picture, objects and caption. */
  record Scene(BufferedImage image, SceneFacts facts, List<String> caption) {
  }

  private final SceneGenerator generator =
      new SceneGenerator(SceneOptions.ofSize(SceneOptions.DEFAULT_SIZE, SceneOptions.DEFAULT_SIZE));

  /** The original picture of the seed's pair. */
  Scene scene(long seed, int imageSize) {
    return pair(seed, imageSize).get(0);
  }

  /** Both pictures of the seed's pair, original first: they differ in two objects' colour and shape. */
  List<Scene> pair(long seed, int imageSize) {
    ScenePair pair = generator.generate(seed);
    SceneFacts facts = SceneFacts.parse(pair.sceneGraphJson());
    return List.of(new Scene(ImageTensors.scale(pair.original(), imageSize), facts, facts.captionWords(false)),
        new Scene(ImageTensors.scale(pair.modified(), imageSize), facts, facts.captionWords(true)));
  }
}
