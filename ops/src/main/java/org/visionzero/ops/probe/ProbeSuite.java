package org.visionzero.ops.probe;

import java.util.ArrayList;
import java.util.List;
import org.visionzero.policy.Vocabulary;

/**
 * The probe's fixed tasks and their items. A task's place in {@link #TASKS} fixes its seeds ({@link ProbeSeedRange}),
 * so new tasks go at the end and none is ever removed from the middle.
 */
public final class ProbeSuite {

  /** The tasks in seed order (the order they were added in). */
  public static final List<ProbeTask> TASKS = List.of(
      new SceneCaptionMatch(),
      new ChartKindMatch(),
      new SceneColourCount(),
      new ChartTallestBar(Vocabulary.standard()::contains),
      new SceneNearCaptionMatch());

  /** Items per task unless told otherwise: about ±0.07 of interval at a rate near 0.5. */
  public static final int DEFAULT_ITEMS = 200;

  private ProbeSuite() {}

  /** A task's items. */
  public record TaskItems(ProbeTask task, List<ProbeItem> items) {
    public TaskItems {
      items = List.copyOf(items);
    }
  }

  /**
   * The first {@code perTask} items of every task, images kept at {@code imageSize}: the same items at every call,
   * so that two checkpoints are probed on the same pictures.
   */
  public static List<TaskItems> items(int perTask, int imageSize) {
    if (perTask < 1 || perTask > ProbeSeedRange.MAX_ITEMS) {
      throw new IllegalArgumentException("items per task must be between 1 and " + ProbeSeedRange.MAX_ITEMS + ", was "
          + perTask);
    }
    if (TASKS.size() > ProbeSeedRange.MAX_TASKS) {
      throw new IllegalStateException(TASKS.size() + " tasks, but the probe's seeds have room for "
          + ProbeSeedRange.MAX_TASKS);
    }
    List<TaskItems> all = new ArrayList<>(TASKS.size());
    for (int t = 0; t < TASKS.size(); t++) {
      ProbeTask task = TASKS.get(t);
      List<ProbeItem> items = new ArrayList<>(perTask);
      for (int i = 0; i < perTask; i++) {
        items.add(task.item(ProbeSeedRange.itemSeed(t, i), imageSize));
      }
      all.add(new TaskItems(task, items));
    }
    return all;
  }
}
