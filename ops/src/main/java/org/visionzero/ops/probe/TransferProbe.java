package org.visionzero.ops.probe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.visionzero.ops.eval.Proportion;
import org.visionzero.policy.likelihood.CaptionLikelihood;
import org.visionzero.policy.model.VzModel;

/**
 * Scores a model on the probe's items: each item's answer is the choice whose caption the clue decoder finds most
 * likely for its image ({@link CaptionLikelihood}); an item counts as right only when the right choice scores
 * strictly above every other (a tie is wrong). One-image questions are scored again with a blank image.
 */
public final class TransferProbe {

  private TransferProbe() {}

  /** The probe of {@code model} on {@code items}. */
  public static ProbeResult score(VzModel model, List<ProbeSuite.TaskItems> items, String label, String sha256) {
    long start = System.nanoTime();
    Map<String, TaskResult> tasks = new LinkedHashMap<>();
    for (ProbeSuite.TaskItems taskItems : items) {
      ProbeTask task = taskItems.task();
      Proportion correct = correct(model, taskItems.items());
      boolean oneImage = taskItems.items().stream().allMatch(ProbeItem::oneImage);
      Proportion noImage = oneImage
          ? correct(model, taskItems.items().stream().map(ProbeItem::blank).toList())
          : Proportion.EMPTY;
      tasks.put(task.key(), new TaskResult(task.source(), task.question(), task.choices(), correct, noImage));
    }
    return new ProbeResult(label, model.version(), sha256, tasks, (System.nanoTime() - start) / 1e9);
  }

  /** Right answers among {@code items}. */
  static Proportion correct(VzModel model, List<ProbeItem> items) {
    List<CaptionLikelihood.Query> queries = new ArrayList<>();
    for (ProbeItem item : items) {
      for (ProbeChoice choice : item.choices()) {
        queries.add(new CaptionLikelihood.Query(choice.image(), choice.words()));
      }
    }
    double[] scores = CaptionLikelihood.logLikelihoods(model, queries, CaptionLikelihood.DEFAULT_BATCH);
    Proportion correct = Proportion.EMPTY;
    int at = 0;
    for (ProbeItem item : items) {
      correct = correct.plus(rightChoice(scores, at, item.choices().size(), item.answer()));
      at += item.choices().size();
    }
    return correct;
  }

  /** Whether the answer's score, at {@code from + answer}, beats every other of the item's {@code n}. */
  static boolean rightChoice(double[] scores, int from, int n, int answer) {
    for (int c = 0; c < n; c++) {
      if (c != answer && scores[from + c] >= scores[from + answer]) {
        return false;
      }
    }
    return true;
  }
}
