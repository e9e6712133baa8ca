package org.visionzero.ops.probe;

import java.util.ArrayList;
import java.util.List;

/**
 * Caption–image matching among near misses: both pictures of two scene pairs (each pair's pictures differ in
 * only two objects' colour and shape), and the caption of one of the four. A model that reads the caption as a
 * bag of the scene's look rather than object by object confuses the target with its pair's other picture.
 */
final class SceneNearCaptionMatch extends CaptionMatch {

  private final SceneImages scenes = new SceneImages();

  SceneNearCaptionMatch() {
    super("near-caption-match", "scenes",
        "which of 4 scenes does this caption describe? (two pairs of scenes that differ in two objects each)");
  }

  @Override
  List<Picture> pictures(long seed, int imageSize, int answer) {
    List<SceneImages.Scene> picked = new ArrayList<>(scenes.pair(seed, imageSize));
    drawUntil(seed, seed + 1, () -> picked.size() >= IMAGES, s -> {
      List<SceneImages.Scene> pair = scenes.pair(s, imageSize);
      if (pair.stream().allMatch(p -> picked.stream().noneMatch(q -> q.caption().equals(p.caption())))) {
        picked.addAll(pair);
      }
    }, "second pair with different captions");
    if (picked.get(0).caption().equals(picked.get(1).caption())) {
      throw new IllegalStateException("the pair of seed " + seed + " has one caption for both pictures");
    }
    return picked.stream().map(scene -> new Picture(scene.image(), scene.caption())).toList();
  }
}
