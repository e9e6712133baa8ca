package org.visionzero.policy.likelihood;

import ai.djl.ndarray.NDManager;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.Role;
import org.visionzero.events.TurnKind;
import org.visionzero.game.rules.SpyHints;
import org.visionzero.game.view.TurnView;
import org.visionzero.policy.PolicyTurn;
import org.visionzero.policy.Vocabulary;
import org.visionzero.policy.model.VzModel;
import org.visionzero.policy.runtime.NoGrad;
import org.visionzero.policy.train.SampleScorer;

/**
 * How likely the clue decoder finds a caption for an image: the summed log-prob of its words and the end token,
 * decoded as a civilian's first clue (no history) at temperature 1, the setting pretraining captions were learnt
 * in. The decoder alone scores them (no echo), so the figure depends on the image encoder and the clue decoder
 * only. Used to answer multiple-choice questions by likelihood: the candidate the model finds most likely.
 */
public final class CaptionLikelihood {
  /** Scored at most this many captions per forward pass. */
  public static final int DEFAULT_BATCH = 64;
  private static final int PLAYERS = 4;
  private static final PolicyRef SCORED = new PolicyRef(VzModel.POLICY_NAME, -1);

  private CaptionLikelihood() {}

  /**
   * One caption for one image.
   *
   * @param image the image (null = blank, the no-image control)
   * @param words caption words, each in the model's vocabulary; the end token is added
   */
  public record Query(BufferedImage image, List<String> words) {
    public Query {
      words = List.copyOf(words);
      if (words.isEmpty()) {
        throw new IllegalArgumentException("a caption needs at least one word");
      }
    }
  }

  /** The log-likelihood of each query's caption, in order, computed in batches of {@code batchSize}. */
  public static double[] logLikelihoods(VzModel model, List<Query> queries, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1, was " + batchSize);
    }
    List<SampleScorer.ClueSample> samples = new ArrayList<>(queries.size());
    for (Query query : queries) {
      samples.add(new SampleScorer.ClueSample(new PolicyTurn(firstClueView(), query.image(), null),
          tokens(model, query.words())));
    }
    double[] out = new double[queries.size()];
    for (int from = 0; from < samples.size(); from += batchSize) {
      List<SampleScorer.ClueSample> batch = samples.subList(from, Math.min(samples.size(), from + batchSize));
      try (NoGrad noGrad = NoGrad.enter(); NDManager m = model.newStepManager()) {
        float[] sums = SampleScorer.captionLogProbs(model, m, batch).logProbs().sum(new int[] {1}).toFloatArray();
        for (int i = 0; i < sums.length; i++) {
          out[from + i] = sums[i];
        }
      }
    }
    return out;
  }

  /** Word ids and the end token; a word outside the vocabulary or a caption too long is refused, never cut. */
  static List<Integer> tokens(VzModel model, List<String> words) {
    Vocabulary vocabulary = model.vocabulary();
    if (words.size() + 1 > model.config().maxClueTokens()) {
      throw new IllegalArgumentException("caption '" + String.join(" ", words) + "' has " + words.size()
          + " words; the model's clues hold at most " + (model.config().maxClueTokens() - 1) + " and the end");
    }
    List<Integer> ids = new ArrayList<>(words.size() + 1);
    for (String word : words) {
      ids.add(vocabulary.id(word));
    }
    ids.add(Vocabulary.EOS_ID);
    return ids;
  }

  private static TurnView firstClueView() {
    return new TurnView("likelihood", 0, 1, TurnKind.CLUE, 1, 1, Role.CIVILIAN, PLAYERS, null, SpyHints.SCENES,
        List.of(), List.of(), 1, 1f, 0L, SCORED);
  }
}
