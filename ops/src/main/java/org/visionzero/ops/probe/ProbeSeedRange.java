package org.visionzero.ops.probe;

/**
 * The seeds the transfer probe draws its items from: a range of their own, far above every range pretraining,
 * self-play pairs and held-out evaluation draw from ({@code ProbeSeedRangeTest} checks it against the constants those
 * use), so the probe never shows a model a picture it was trained or evaluated on.
 *
 * <p>Task {@code t} (its place in {@link ProbeSuite}) owns {@link #PER_TASK} seeds from {@code FIRST + t *
 * PER_TASK}; its item {@code i} owns {@link #PER_ITEM} seeds from there on: images are drawn from the first
 * {@code PER_ITEM - 1}, and the item's own choices (which image is the answer, which colour is asked about) from
 * a random generator seeded with the last, which no image uses.
 *
 * <p>The scene and chart generators seed a {@code java.util.Random}, which keeps only the low 48 bits of a seed:
 * seeds equal modulo 2^48 draw the same picture. The probe's range therefore lies below 2^48, and
 * {@link #overlaps} compares ranges as the generators see them, modulo 2^48.
 */
public final class ProbeSeedRange {
  /** Seeds a {@code java.util.Random} tells apart. */
  public static final long EFFECTIVE_SEEDS = 1L << 48;
  /** The first seed of the probe. */
  public static final long FIRST = 1L << 46;
  /** Seeds one item may use. */
  public static final long PER_ITEM = 64;
  /** Seeds each task owns. */
  public static final long PER_TASK = 1L << 32;
  /** Tasks the range has room for. */
  public static final int MAX_TASKS = 16;
  /** One past the last seed of the probe. */
  public static final long END = FIRST + MAX_TASKS * PER_TASK;
  /** Items a task can have. */
  public static final int MAX_ITEMS = (int) Math.min(Integer.MAX_VALUE, PER_TASK / PER_ITEM);

  private ProbeSeedRange() {}

  /** The first seed of item {@code item} of task {@code task}. */
  public static long itemSeed(int task, int item) {
    if (task < 0 || task >= MAX_TASKS) {
      throw new IllegalArgumentException("task index " + task + " outside 0.." + (MAX_TASKS - 1));
    }
    if (item < 0 || item >= MAX_ITEMS) {
      throw new IllegalArgumentException("item index " + item + " outside 0.." + (MAX_ITEMS - 1));
    }
    return FIRST + task * PER_TASK + item * PER_ITEM;
  }

  /** The seed an item's own random choices start from (never an image's). */
  public static long choiceSeed(long itemSeed) {
    return itemSeed + PER_ITEM - 1;
  }

  /**
   * Whether the seeds {@code [first, first + count)} draw any picture the probe's seeds draw: whether they share a
   * seed with the probe's range modulo {@link #EFFECTIVE_SEEDS}.
   */
  public static boolean overlaps(long first, long count) {
    if (count <= 0) {
      return false;
    }
    if (count >= EFFECTIVE_SEEDS) {
      return true;
    }
    long from = Math.floorMod(first, EFFECTIVE_SEEDS);
    long to = from + count; // exclusive, below 2^49: no overflow
    if (to <= EFFECTIVE_SEEDS) {
      return sharesWithProbe(from, to);
    }
    return sharesWithProbe(from, EFFECTIVE_SEEDS) || sharesWithProbe(0, to - EFFECTIVE_SEEDS);
  }

  private static boolean sharesWithProbe(long from, long to) {
    return from < END && to > FIRST;
  }
}
