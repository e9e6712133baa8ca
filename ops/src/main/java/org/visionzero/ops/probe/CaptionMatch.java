package org.visionzero.ops.probe;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * The shape of every caption–image matching task: four pictures drawn from the item's seeds and the caption of
 * the one at a random place; the model picks the picture it finds the caption most likely for. A task says which
 * pictures it shows ({@link #pictures}).
 */
abstract class CaptionMatch implements ProbeTask {

  static final int IMAGES = 4;

  private final String name;
  private final String source;
  private final String question;

  CaptionMatch(String name, String source, String question) {
    this.name = name;
    this.source = source;
    this.question = question;
  }

  /** A picture at the side the model reads, and its caption in the model's words. */
  record Picture(BufferedImage image, List<String> caption) {
  }

  /** The {@link #IMAGES} pictures of the item of {@code seed}, the one the caption describes at {@code answer}. */
  abstract List<Picture> pictures(long seed, int imageSize, int answer);

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String source() {
    return source;
  }

  @Override
  public final String question() {
    return question;
  }

  @Override
  public final int choices() {
    return IMAGES;
  }

  @Override
  public final ProbeItem item(long seed, int imageSize) {
    int answer = new SplittableRandom(ProbeSeedRange.choiceSeed(seed)).nextInt(IMAGES);
    List<Picture> shown = pictures(seed, imageSize, answer);
    List<String> caption = shown.get(answer).caption();
    return new ProbeItem(seed, shown.stream().map(p -> new ProbeChoice(p.image(), caption)).toList(), answer);
  }

  /**
   * Draws from the seeds {@code first}, {@code first + 1}, ... until {@code done}; the seeds of an item end where
   * its choice seed starts, and running out of them is refused with what was {@code missing}.
   */
  static void drawUntil(long seed, long first, BooleanSupplier done, LongConsumer draw, String missing) {
    for (long s = first; !done.getAsBoolean(); s++) {
      if (s >= ProbeSeedRange.choiceSeed(seed)) {
        throw new IllegalStateException("no " + missing + " among the seeds of item " + seed);
      }
      draw.accept(s);
    }
  }
}
