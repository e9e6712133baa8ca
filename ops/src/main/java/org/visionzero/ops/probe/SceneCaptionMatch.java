package org.visionzero.ops.probe;

import java.util.ArrayList;
import java.util.List;

/**
 * Caption–image matching on scenes: four scenes with four different captions, and the caption of one of them;
 * the model picks the scene it finds the caption most likely for. The caption is worded as pretraining worded
 * captions, so this asks whether the captioner binds its words to the right picture among several.
 */
final class SceneCaptionMatch extends CaptionMatch {

  private final SceneImages scenes = new SceneImages();

  SceneCaptionMatch() {
    super("caption-match", "scenes", "which of 4 scenes does this caption describe? (caption: colour and shape of "
        + "every object, left to right)");
  }

  @Override
  List<Picture> pictures(long seed, int imageSize, int answer) {
    List<SceneImages.Scene> picked = new ArrayList<>(IMAGES);
    drawUntil(seed, seed, () -> picked.size() == IMAGES, s -> {
      SceneImages.Scene scene = scenes.scene(s, imageSize);
      if (picked.stream().noneMatch(p -> p.caption().equals(scene.caption()))) {
        picked.add(scene);
      }
    }, "4 scenes with different captions");
    return picked.stream().map(scene -> new Picture(scene.image(), scene.caption())).toList();
  }
}
