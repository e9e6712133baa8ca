package org.visionzero.policy.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import org.visionzero.policy.Vocabulary;
import org.visionzero.policy.model.ModelConfig;
import org.visionzero.policy.model.ParameterSet;
import org.visionzero.policy.model.TurnBatch;
import org.visionzero.policy.model.VzNetwork;

/**
 * The clue decoder's teacher-forced logits exactly as {@code VzNetwork} computed them before the fused form:
 * one-hot embeddings and the whole GRU input and output layer per step. The reference for equivalence tests and
 * the step benchmark.
 */
final class ReferenceDecoder {
  private final ModelConfig config;
  private final ParameterSet p;

  ReferenceDecoder(ModelConfig config, ParameterSet parameters) {
    this.config = config;
    this.p = parameters;
  }

  private static NDArray embed(NDArray ids, int depth, NDArray table) {
    return ids.oneHot(depth, DataType.FLOAT32).matMul(table);
  }

  private NDArray linear(NDArray x, String name) {
    return x.matMul(p.get(name + ".w")).add(p.get(name + ".b"));
  }

  NDArray clueLogits(VzNetwork.Encoded encoded, TurnBatch.Arrays in, NDArray targets) {
    NDManager manager = targets.getManager();
    NDArray role = embed(in.roles(), ModelConfig.ROLES, p.get("decoder.role"));
    NDArray history = embed(in.historyTokens(), config.vocabSize(), p.get("decoder.hist.token"))
        .add(embed(in.historySeats(), config.maxPlayers() + 1, p.get("decoder.hist.seat")))
        .add(embed(in.historyRounds(), config.maxRounds() + 1, p.get("decoder.hist.round")));
    NDArray m = in.historyMask().expandDims(2);
    NDArray count = in.historyMask().sum(new int[] {1}).maximum(1f).expandDims(1);
    NDArray historyVector = history.mul(m).sum(new int[] {1}).div(count);
    NDArray context = Activation.relu(linear(encoded.global().concat(role, 1).concat(historyVector, 1), "decoder.ctx"));
    NDArray state = linear(context, "decoder.h0").tanh();
    NDArray map = encoded.featureMap();
    NDArray keys = map.matMul(p.get("decoder.att.key")).add(p.get("decoder.att.pos"));
    NDArray values = map.matMul(p.get("decoder.att.value")).add(p.get("decoder.att.pos"));
    float[] maskValues = new float[config.vocabSize()];
    maskValues[Vocabulary.PAD_ID] = -1e4f;
    maskValues[Vocabulary.BOS_ID] = -1e4f;
    maskValues[Vocabulary.UNK_ID] = -1e4f;
    NDArray vocabMask = manager.create(maskValues);
    long batch = targets.getShape().get(0);
    int steps = Math.toIntExact(targets.getShape().get(1));
    long h = config.hiddenDim();
    NDArray previous = manager.full(new Shape(batch), Vocabulary.BOS_ID, DataType.INT64);
    NDList all = new NDList();
    for (int t = 0; t < steps; t++) {
      NDArray query = state.matMul(p.get("decoder.att.query")).expandDims(1);
      NDArray weights = query.batchMatMul(keys.transpose(0, 2, 1))
          .div(VzNetwork.constant(query, (float) Math.sqrt(config.attentionDim()))).softmax(2);
      NDArray seen = weights.batchMatMul(values).squeeze(1);
      NDArray x = embed(previous, config.vocabSize(), p.get("decoder.embed")).concat(context, 1).concat(seen, 1);
      NDList gx = x.matMul(p.get("decoder.gru.wx")).add(p.get("decoder.gru.bx")).split(new long[] {h, 2 * h}, 1);
      NDList gh = state.matMul(p.get("decoder.gru.wh")).add(p.get("decoder.gru.bh")).split(new long[] {h, 2 * h}, 1);
      NDArray reset = Activation.sigmoid(gx.get(0).add(gh.get(0)));
      NDArray update = Activation.sigmoid(gx.get(1).add(gh.get(1)));
      NDArray candidate = gx.get(2).add(reset.mul(gh.get(2))).tanh();
      NDArray next = candidate.add(update.mul(state.sub(candidate)));
      all.add(linear(next.concat(seen, 1), "decoder.out").add(vocabMask).expandDims(1));
      state = next;
      previous = targets.get(":, " + t);
    }
    return NDArrays.concat(all, 1);
  }
}
