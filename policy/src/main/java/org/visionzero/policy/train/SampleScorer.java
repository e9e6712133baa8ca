package org.visionzero.policy.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.visionzero.events.TurnKind;
import org.visionzero.policy.PolicyTurn;
import org.visionzero.policy.Vocabulary;
import org.visionzero.policy.model.TurnBatch;
import org.visionzero.policy.model.VzModel;
import org.visionzero.policy.model.VzNetwork;

/**
 * Recomputes, under a model's current weights, the log-probs of tokens that were sampled earlier, given the
 * same inputs and temperature: the π_θ (and, with a frozen copy, π_ref) of the GRPO loss. Inside a
 * {@code GradientCollector} the results carry gradients to every trainable weight. All arrays belong to the
 * caller's step manager.
 */
public final class SampleScorer {
  private SampleScorer() {}

  /** A clue sample: the turn as it was played and the tokens it produced (end token included when sampled). */
  public record ClueSample(PolicyTurn turn, List<Integer> tokenIds) {
    public ClueSample {
      tokenIds = List.copyOf(tokenIds);
      if (tokenIds.isEmpty()) {
        throw new IllegalArgumentException("a clue sample needs at least one token");
      }
    }
  }

  /** A decision sample: the turn and the option it chose (0 = N/A, k = seat k). */
  public record DecisionSample(PolicyTurn turn, int option) {}

  /** Log-probs [B, T] of the sampled tokens, zero where {@code mask} [B, T] is zero (padding). */
  public record TokenLogProbs(NDArray logProbs, NDArray mask) {}

  /**
   * Per-token log-probs of clue samples under the clue policy at their turns' temperatures: the decoder's, mixed
   * with echoing the latest clue of another seat ({@link VzNetwork#echoMixture}). They equal what
   * {@code ModelPolicy} recorded when it sampled them.
   */
  public static TokenLogProbs clueLogProbs(VzModel model, NDManager manager, List<ClueSample> samples) {
    return clueLogProbs(model, manager, samples, true);
  }

  /** Per-token log-probs of target captions under the decoder alone, at the turns' temperatures (pretraining). */
  public static TokenLogProbs captionLogProbs(VzModel model, NDManager manager, List<ClueSample> samples) {
    return clueLogProbs(model, manager, samples, false);
  }

  /**
   * Per-token log-probs of target captions under the listener ({@link VzModel#listenerNetwork}: the frozen copy of
   * the decoder the clue fit reads), decoder alone, at the turns' temperatures.
   */
  public static TokenLogProbs listenerCaptionLogProbs(VzModel model, NDManager manager, List<ClueSample> samples) {
    return clueLogProbs(model, model.listenerNetwork(), manager, samples, false);
  }

  private static TokenLogProbs clueLogProbs(VzModel model, NDManager manager, List<ClueSample> samples,
      boolean withEcho) {
    return clueLogProbs(model, model.network(), manager, samples, withEcho);
  }

  private static TokenLogProbs clueLogProbs(VzModel model, VzNetwork net, NDManager manager,
      List<ClueSample> samples, boolean withEcho) {
    int size = samples.size();
    int maxTokens = model.config().maxClueTokens();
    int longest = 1;
    List<TurnBatch.Input> inputs = new ArrayList<>();
    for (ClueSample s : samples) {
      requireKind(s.turn(), TurnKind.CLUE);
      if (s.tokenIds().size() > maxTokens) {
        throw new IllegalArgumentException("clue of " + s.tokenIds().size() + " tokens exceeds the model's "
            + maxTokens);
      }
      longest = Math.max(longest, s.tokenIds().size());
      inputs.add(new TurnBatch.Input(s.turn().view(), s.turn().image()));
    }
    long[] targets = new long[size * longest];
    float[] mask = new float[targets.length];
    java.util.Arrays.fill(targets, Vocabulary.EOS_ID); // padding reads as "after the end"; masked out anyway
    for (int b = 0; b < size; b++) {
      List<Integer> ids = samples.get(b).tokenIds();
      for (int t = 0; t < ids.size(); t++) {
        int id = ids.get(t);
        if (id < 0 || id >= model.config().vocabSize()) {
          throw new IllegalArgumentException(
              "token id " + id + " outside the vocabulary of " + model.config().vocabSize());
        }
        targets[b * longest + t] = id;
        mask[b * longest + t] = 1f;
      }
    }
    TurnBatch.Arrays in = new TurnBatch(model.config(), model.vocabulary(), inputs).toArrays(manager);
    NDArray targetArray = manager.create(targets, new Shape(size, longest));
    NDArray logits = net.clueLogits(net.encode(in.images()), in, targetArray);
    // At temperature 1 (pretraining) the scaling is the identity: skip its op and its backward.
    NDArray scaled = allAtTemperatureOne(inputs) ? logits
        : logits.mul(inverseTemperatures(manager, inputs).reshape(size, 1, 1));
    // Each target's log-prob picked by a gather: the values and gradients of the one-hot product and sum.
    NDArray logProbs = scaled.logSoftmax(2).gather(targetArray.expandDims(2), 2).squeeze(2);
    if (withEcho) {
      logProbs = net.echoMixture(logProbs, targetArray, in);
    }
    NDArray maskArray = manager.create(mask, new Shape(size, longest));
    return new TokenLogProbs(logProbs.mul(maskArray), maskArray);
  }

  /**
   * Log-prob [B, 1] of each decision sample's option at its turn's temperature; mask all ones. Samples that
   * share a turn object (the G votes of one observer turn) share one forward pass.
   */
  public static TokenLogProbs decisionLogProbs(VzModel model, NDManager manager, List<DecisionSample> samples) {
    int size = samples.size();
    int options = model.config().maxPlayers() + 1;
    Map<PolicyTurn, Integer> unique = new IdentityHashMap<>();
    List<TurnBatch.Input> inputs = new ArrayList<>();
    long[] rowOf = new long[size];
    long[] chosen = new long[size];
    for (int b = 0; b < size; b++) {
      DecisionSample s = samples.get(b);
      requireKind(s.turn(), TurnKind.DECISION);
      if (s.option() < 0 || s.option() > s.turn().view().numPlayers()) {
        throw new IllegalArgumentException("vote option " + s.option() + " outside 0.." + s.turn().view().numPlayers());
      }
      chosen[b] = s.option();
      rowOf[b] = unique.computeIfAbsent(s.turn(), t -> {
        inputs.add(new TurnBatch.Input(t.view(), t.image()));
        return inputs.size() - 1;
      });
    }
    TurnBatch.Arrays in = new TurnBatch(model.config(), model.vocabulary(), inputs).toArrays(manager);
    VzNetwork net = model.network();
    NDArray logits = net.decisionLogits(net.encode(in.images()), in);
    NDArray turnLogProbs = logits.mul(inverseTemperatures(manager, inputs).reshape(inputs.size(), 1)).logSoftmax(1);
    // A [B, turns] one-hot selector spreads each turn's row to its samples, keeping gradients.
    NDArray perSample = manager.create(rowOf).oneHot(inputs.size(), DataType.FLOAT32).matMul(turnLogProbs);
    NDArray logProbs = perSample.mul(manager.create(chosen).oneHot(options, DataType.FLOAT32))
        .sum(new int[] {1}).reshape(size, 1);
    return new TokenLogProbs(logProbs, manager.ones(new Shape(size, 1)));
  }

  private static boolean allAtTemperatureOne(List<TurnBatch.Input> inputs) {
    for (TurnBatch.Input input : inputs) {
      float t = input.view().temperature();
      if (t > 0 && t != 1f) {
        return false;
      }
    }
    return true;
  }

  private static NDArray inverseTemperatures(NDManager manager, List<TurnBatch.Input> inputs) {
    float[] inv = new float[inputs.size()];
    for (int i = 0; i < inv.length; i++) {
      float t = inputs.get(i).view().temperature();
      inv[i] = t > 0 ? 1f / t : 1f;
    }
    return manager.create(inv);
  }

  private static void requireKind(PolicyTurn turn, TurnKind kind) {
    if (turn.view().kind() != kind) {
      throw new IllegalArgumentException("turn " + turn.view().gameId() + "/" + turn.view().turn() + " is a "
          + turn.view().kind() + " turn, expected " + kind);
    }
  }
}
