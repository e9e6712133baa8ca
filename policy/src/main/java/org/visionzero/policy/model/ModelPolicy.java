package org.visionzero.policy.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.TurnKind;
import org.visionzero.game.view.TurnView;
import org.visionzero.policy.ClueAnswer;
import org.visionzero.policy.DecisionAnswer;
import org.visionzero.policy.Policy;
import org.visionzero.policy.PolicyTurn;
import org.visionzero.policy.Vocabulary;
import org.visionzero.policy.Vote;
import org.visionzero.policy.runtime.NoGrad;

/**
 * The in-JVM model as a {@link Policy}. Each turn samples with its own {@code SplittableRandom(samplingSeed)}
 * at its own temperature, so answers do not depend on batch composition. A temperature of 0 or less means
 * greedy decoding; the recorded log-probs are then those at temperature 1.
 */
public final class ModelPolicy implements Policy {
  private final VzModel model;
  private final boolean ownsModel;

  /** A policy over {@code model}; closing the policy closes the model when {@code ownsModel}. */
  public ModelPolicy(VzModel model, boolean ownsModel) {
    this.model = model;
    this.ownsModel = ownsModel;
  }

  public VzModel model() {
    return model;
  }

  @Override
  public PolicyRef ref() {
    return model.ref();
  }

  @Override
  public List<ClueAnswer> clues(List<PolicyTurn> turns) {
    if (turns.isEmpty()) {
      return List.of();
    }
    TurnBatch batch = batchOf(turns, TurnKind.CLUE);
    int size = turns.size();
    int vocab = model.config().vocabSize();
    PolicyRef ref = model.ref();
    VzNetwork net = model.network();
    List<List<Integer>> tokens = new ArrayList<>();
    List<List<Float>> logProbs = new ArrayList<>();
    SplittableRandom[] randoms = new SplittableRandom[size];
    boolean[] done = new boolean[size];
    long[] previous = new long[size];
    for (int b = 0; b < size; b++) {
      tokens.add(new ArrayList<>());
      logProbs.add(new ArrayList<>());
      randoms[b] = new SplittableRandom(turns.get(b).view().samplingSeed());
      previous[b] = Vocabulary.BOS_ID;
    }
    boolean[] echoing = new boolean[size];
    float[] echoLogits = new float[size];
    try (NoGrad noGrad = NoGrad.enter(); NDManager m = model.newStepManager()) {
      float[] byRole = model.parameters().get(ParameterSet.ECHO_LOGITS).toFloatArray();
      for (int b = 0; b < size; b++) {
        TurnView view = turns.get(b).view();
        echoLogits[b] = byRole[TurnBatch.roleIndex(view.role())];
        if (!batch.echo(b).isEmpty()) {
          double echo = EchoMixture.echoProbability(echoLogits[b]);
          echoing[b] = view.temperature() > 0 ? randoms[b].nextDouble() < echo : echo > 0.5;
        }
      }
      TurnBatch.Arrays in = batch.toArrays(m);
      VzNetwork.DecoderInputs inputs = net.clueContext(net.encode(in.images()), in);
      NDArray state = inputs.initialState();
      NDArray mask = net.vocabMask(m);
      NDArray inverseTemperature = inverseTemperatures(m, turns).reshape(size, 1);
      int remaining = size;
      for (int t = 0; t < model.config().maxClueTokens() && remaining > 0; t++) {
        NDList out = net.clueStep(m.create(previous), state, inputs, mask);
        state = out.get(1);
        float[] lp = out.get(0).mul(inverseTemperature).logSoftmax(1).toFloatArray();
        for (int b = 0; b < size; b++) {
          if (done[b]) {
            previous[b] = Vocabulary.EOS_ID;
            continue;
          }
          int id;
          if (echoing[b]) {
            id = batch.echo(b).get(t);
          } else {
            id = turns.get(b).view().temperature() > 0
                ? Sampler.sample(lp, b * vocab, vocab, randoms[b])
                : Sampler.argmax(lp, b * vocab, vocab);
          }
          tokens.get(b).add(id);
          logProbs.get(b).add(lp[b * vocab + id]);
          previous[b] = id;
          if (id == Vocabulary.EOS_ID) {
            done[b] = true;
            remaining--;
          }
        }
      }
    }
    List<ClueAnswer> answers = new ArrayList<>(size);
    for (int b = 0; b < size; b++) {
      float[] own = new float[logProbs.get(b).size()];
      for (int i = 0; i < own.length; i++) {
        own[i] = logProbs.get(b).get(i);
      }
      float[] lps = EchoMixture.logProbs(own, tokens.get(b), batch.echo(b), echoLogits[b]);
      answers.add(new ClueAnswer(model.vocabulary().decode(tokens.get(b)), tokens.get(b), lps, ref));
    }
    return answers;
  }

  @Override
  public List<DecisionAnswer> decisions(List<PolicyTurn> turns) {
    if (turns.isEmpty()) {
      return List.of();
    }
    TurnBatch batch = batchOf(turns, TurnKind.DECISION);
    int size = turns.size();
    int options = model.config().maxPlayers() + 1;
    PolicyRef ref = model.ref();
    VzNetwork net = model.network();
    float[] lp;
    try (NoGrad noGrad = NoGrad.enter(); NDManager m = model.newStepManager()) {
      TurnBatch.Arrays in = batch.toArrays(m);
      NDArray logits = net.decisionLogits(net.encode(in.images()), in);
      lp = logits.mul(inverseTemperatures(m, turns).reshape(size, 1)).logSoftmax(1).toFloatArray();
    }
    List<DecisionAnswer> answers = new ArrayList<>(size);
    for (int b = 0; b < size; b++) {
      TurnView view = turns.get(b).view();
      SplittableRandom random = new SplittableRandom(view.samplingSeed());
      int valid = view.numPlayers() + 1;
      List<Vote> votes = new ArrayList<>(view.samples());
      for (int g = 0; g < view.samples(); g++) {
        int option = view.temperature() > 0
            ? Sampler.sample(lp, b * options, valid, random)
            : Sampler.argmax(lp, b * options, valid);
        votes.add(Vote.ofOption(option, lp[b * options + option]));
      }
      answers.add(new DecisionAnswer(votes, ref));
    }
    return answers;
  }

  private TurnBatch batchOf(List<PolicyTurn> turns, TurnKind kind) {
    List<TurnBatch.Input> inputs = new ArrayList<>(turns.size());
    for (PolicyTurn turn : turns) {
      if (turn.view().kind() != kind) {
        throw new IllegalArgumentException("turn " + turn.view().gameId() + "/" + turn.view().turn() + " is a "
            + turn.view().kind() + " turn, but was passed to the " + kind + " method");
      }
      inputs.add(new TurnBatch.Input(turn.view(), turn.image()));
    }
    return new TurnBatch(model.config(), model.vocabulary(), inputs);
  }

  /** 1/temperature per turn; greedy turns (temperature <= 0) score at temperature 1. */
  static NDArray inverseTemperatures(NDManager m, List<PolicyTurn> turns) {
    float[] inv = new float[turns.size()];
    for (int i = 0; i < inv.length; i++) {
      float t = turns.get(i).view().temperature();
      inv[i] = t > 0 ? 1f / t : 1f;
    }
    return m.create(inv, new Shape(inv.length));
  }

  @Override
  public void close() {
    if (ownsModel) {
      model.close();
    }
  }
}
