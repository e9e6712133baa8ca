package org.visionzero.ops.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Caption–image matching on scenes: four scenes with four different captions, and the caption of one of them;
 * the model picks the scene it finds the caption most likely for. The caption is worded as pretraining worded
 * captions, so this asks whether the captioner binds its words to the right picture among several.
 */
final class SceneCaptionMatch implements ProbeTask {

  static final int IMAGES = 4;
  private final SceneImages scenes = new SceneImages();

  @Override
  public String name() {
    return "caption-match";
  }

  @Override
  public String source() {
    return "scenes";
  }

  @Override
  public String question() {
    return "which of 4 scenes does this caption describe? (caption: colour and shape of every object, left to "
        + "right)";
  }

  @Override
  public int choices() {
    return IMAGES;
  }

  @Override
  public ProbeItem item(long seed, int imageSize) {
    int answer = new SplittableRandom(ProbeSeedRange.choiceSeed(seed)).nextInt(IMAGES);
    List<SceneImages.Scene> picked = new ArrayList<>(IMAGES);
    for (long s = seed; picked.size() < IMAGES; s++) {
      if (s >= ProbeSeedRange.choiceSeed(seed)) {
        throw new IllegalStateException("no 4 scenes with different captions among the seeds of item " + seed);
      }
      SceneImages.Scene scene = scenes.scene(s, imageSize);
      if (picked.stream().noneMatch(p -> p.caption().equals(scene.caption()))) {
        picked.add(scene);
      }
    }
    List<String> caption = picked.get(answer).caption();
    return new ProbeItem(seed, picked.stream().map(p -> new ProbeChoice(p.image(), caption)).toList(), answer);
  }
}
