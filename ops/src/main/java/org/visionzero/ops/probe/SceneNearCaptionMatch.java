package org.visionzero.ops.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Caption–image matching among near misses: both pictures of two scene pairs (each pair's pictures differ in
 * only two objects' colour and shape), and the caption of one of the four. A model that reads the caption as a
 * bag of the scene's look rather than object by object confuses the target with its pair's other picture.
 */
final class SceneNearCaptionMatch implements ProbeTask {

  static final int IMAGES = 4;
  private final SceneImages scenes = new SceneImages();

  @Override
  public String name() {
    return "near-caption-match";
  }

  @Override
  public String source() {
    return "scenes";
  }

  @Override
  public String question() {
    return "which of 4 scenes does this caption describe? (two pairs of scenes that differ in two objects each)";
  }

  @Override
  public int choices() {
    return IMAGES;
  }

  @Override
  public ProbeItem item(long seed, int imageSize) {
    int answer = new SplittableRandom(ProbeSeedRange.choiceSeed(seed)).nextInt(IMAGES);
    List<SceneImages.Scene> picked = new ArrayList<>(scenes.pair(seed, imageSize));
    for (long s = seed + 1; picked.size() < IMAGES; s++) {
      if (s >= ProbeSeedRange.choiceSeed(seed)) {
        throw new IllegalStateException("no second pair with different captions among the seeds of item " + seed);
      }
      List<SceneImages.Scene> pair = scenes.pair(s, imageSize);
      if (pair.stream().allMatch(p -> picked.stream().noneMatch(q -> q.caption().equals(p.caption())))) {
        picked.addAll(pair);
      }
    }
    if (picked.get(0).caption().equals(picked.get(1).caption())) {
      throw new IllegalStateException("the pair of seed " + seed + " has one caption for both pictures");
    }
    List<String> caption = picked.get(answer).caption();
    return new ProbeItem(seed, picked.stream().map(p -> new ProbeChoice(p.image(), caption)).toList(), answer);
  }
}
