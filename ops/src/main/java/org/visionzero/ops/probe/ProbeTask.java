package org.visionzero.ops.probe;

/** One task of the probe: its name, the image source it draws on, the question it asks, and its items. */
public interface ProbeTask {

  /** What the task asks, e.g. {@code caption-match}. */
  String name();

  /** The producers' image source its pictures come from: {@code scenes}, {@code charts}, {@code photos}. */
  String source();

  /** The question for people, and how the candidates are worded for the model. */
  String question();

  /** Choices every item of this task offers. */
  int choices();

  /** Its key in the probe's results, e.g. {@code caption-match/scenes}. */
  default String key() {
    return name() + "/" + source();
  }

  /**
   * The item whose seeds start at {@code seed} (see {@link ProbeSeedRange}); the same seed gives the same item.
   *
   * @param imageSize side the images are kept at (the model's input: they are scaled as the model would)
   */
  ProbeItem item(long seed, int imageSize);
}
