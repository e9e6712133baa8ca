package org.visionzero.policy.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import org.visionzero.policy.Vocabulary;

/**
 * The forward pass of the vision-language model, as plain NDArray operations over a {@link ParameterSet}.
 *
 * <ul>
 *   <li>Vision encoder: three 3×3 stride-2 convolutions (a spatial feature map of 1/8 the image side), and a
 *       fully connected layer over the flattened map (the global image vector).
 *   <li>Clue decoder: a GRU over tokens, started from and fed with a context of image vector, role embedding
 *       and the clue history (tokens plus speaker-seat and round embeddings, averaged); at each step it also
 *       attends over the feature map.
 *   <li>Decision head: each seat's clue tokens, each bound to the token after it, attend over the feature map
 *       (cross-attention); per seat, the mean, strongest and weakest match of token and attended image, and how
 *       well the clue decoder itself predicts the seat's clues from the image ({@link #clueFit}), go through
 *       an MLP to a score; option 0 (N/A) has a learned score. A seat is judged by its own clues against the
 *       image only, never by how its words differ from the other seats'.
 * </ul>
 *
 * <p>Every operation is called on an input-side array first, so results belong to the caller's (per-step)
 * manager and never pile up in the model's manager.
 */
public final class VzNetwork {
  /** Additive logit for options that must never be chosen. */
  static final float MASKED = -1e4f;
  private static final float RMS_EPSILON = 1e-6f;
  /** Clue-fit features per seat ({@link #clueFit}): mean token probability, worst token, best clue. */
  static final int FIT_FEATURES = 3;

  private final ModelConfig config;
  private final ParameterSet p;

  public VzNetwork(ModelConfig config, ParameterSet parameters) {
    this.config = config;
    this.p = parameters;
  }

  /** The encoder's output for a batch of images. */
  public record Encoded(NDArray featureMap, NDArray global) {}

  /** Encodes images [B, 3, S, S] to a feature map [B, positions, channels] and a global vector [B, imageDim]. */
  public Encoded encode(NDArray images) {
    NDArray x = conv(images, "encoder.conv1");
    x = conv(x, "encoder.conv2");
    x = conv(x, "encoder.conv3");
    long batch = x.getShape().get(0);
    NDArray global = Activation.relu(linear(x.reshape(batch, -1), "encoder.fc"));
    NDArray map = x.reshape(batch, config.conv3(), config.featurePositions()).transpose(0, 2, 1);
    return new Encoded(map, global);
  }

  private NDArray conv(NDArray x, String name) {
    NDArray y = Conv2d.conv2d(x, p.get(name + ".w"), p.get(name + ".b"), new Shape(2, 2), new Shape(1, 1)).head();
    return Activation.relu(y);
  }

  private NDArray linear(NDArray x, String name) {
    return x.matMul(p.get(name + ".w")).add(p.get(name + ".b"));
  }

  /**
   * A scalar as an array of {@code like}'s (per-step) manager. {@code x.div(2f)} would build its constant on a
   * direct buffer that DJL frees at once while autograd still reads it in backward; a garbage collection in between
   * crashed the JVM. An array that lives until the step's manager closes is safe.
   */
  public static NDArray constant(NDArray like, float value) {
    return like.getManager().create(value);
  }

  /**
   * Rows of {@code table} [depth, width] for {@code ids}: a gather (torch embedding), the same values and gradients as
   * the one-hot product {@code ids.oneHot(depth).matMul(table)} without its [..., depth] matrix and matmul.
   */
  private static NDArray embed(NDArray ids, int depth, NDArray table) {
    return ids.getNDArrayInternal().embedding(ids, table, SparseFormat.DENSE).head();
  }

  /** Masked mean over {@code axis} of {@code values}; {@code mask} has the shape of values without the last axis. */
  private static NDArray maskedMean(NDArray values, NDArray mask, int axis) {
    NDArray m = mask.expandDims(mask.getShape().dimension());
    NDArray count = mask.sum(new int[] {axis}).maximum(1f).expandDims(mask.getShape().dimension() - 1);
    return values.mul(m).sum(new int[] {axis}).div(count);
  }

  /**
   * What the clue decoder reads at every step: the context [B, hidden] (image vector, role, history), the
   * attention keys and values over the feature map [B, positions, attention], and the initial state [B, hidden].
   */
  public record DecoderInputs(NDArray context, NDArray keys, NDArray values, NDArray initialState) {}

  /** The clue decoder's inputs for a batch. */
  public DecoderInputs clueContext(Encoded encoded, TurnBatch.Arrays in) {
    NDArray role = embed(in.roles(), ModelConfig.ROLES, p.get("decoder.role"));
    NDArray history = embed(in.historyTokens(), config.vocabSize(), p.get("decoder.hist.token"))
        .add(embed(in.historySeats(), config.maxPlayers() + 1, p.get("decoder.hist.seat")))
        .add(embed(in.historyRounds(), config.maxRounds() + 1, p.get("decoder.hist.round")));
    NDArray historyVector = maskedMean(history, in.historyMask(), 1);
    return decoderInputs(encoded, role, historyVector);
  }

  private DecoderInputs decoderInputs(Encoded encoded, NDArray role, NDArray historyVector) {
    NDArray context = Activation.relu(linear(encoded.global().concat(role, 1).concat(historyVector, 1), "decoder.ctx"));
    NDArray state = linear(context, "decoder.h0").tanh();
    NDArray map = encoded.featureMap();
    NDArray keys = map.matMul(p.get("decoder.att.key")).add(p.get("decoder.att.pos"));
    NDArray values = map.matMul(p.get("decoder.att.value")).add(p.get("decoder.att.pos"));
    return new DecoderInputs(context, keys, values, state);
  }

  /**
   * One decoder step: the previous token ids [B] and state [B, hidden] give the next logits [B, vocab] (special
   * tokens other than the end token masked) and the new state. The state first attends over the feature map
   * (where to look next); the GRU reads the previous token, the context and what it saw.
   */
  public NDList clueStep(NDArray previous, NDArray state, DecoderInputs inputs, NDArray vocabMask) {
    long h = config.hiddenDim();
    NDArray query = state.matMul(p.get("decoder.att.query")).expandDims(1);
    NDArray weights = query.batchMatMul(inputs.keys().transpose(0, 2, 1))
        .div(constant(query, (float) Math.sqrt(config.attentionDim()))).softmax(2);
    NDArray seen = weights.batchMatMul(inputs.values()).squeeze(1);
    NDArray x = embed(previous, config.vocabSize(), p.get("decoder.embed")).concat(inputs.context(), 1).concat(seen, 1);
    NDList gx = x.matMul(p.get("decoder.gru.wx")).add(p.get("decoder.gru.bx")).split(new long[] {h, 2 * h}, 1);
    NDList gh = state.matMul(p.get("decoder.gru.wh")).add(p.get("decoder.gru.bh")).split(new long[] {h, 2 * h}, 1);
    NDArray reset = Activation.sigmoid(gx.get(0).add(gh.get(0)));
    NDArray update = Activation.sigmoid(gx.get(1).add(gh.get(1)));
    NDArray candidate = gx.get(2).add(reset.mul(gh.get(2))).tanh();
    NDArray next = candidate.add(update.mul(state.sub(candidate)));
    NDArray logits = linear(next.concat(seen, 1), "decoder.out").add(vocabMask);
    return new NDList(logits, next);
  }

  /** Additive mask [vocab] that forbids pad, bos and unk in generated clues. */
  public NDArray vocabMask(NDManager manager) {
    float[] mask = new float[config.vocabSize()];
    mask[Vocabulary.PAD_ID] = MASKED;
    mask[Vocabulary.BOS_ID] = MASKED;
    mask[Vocabulary.UNK_ID] = MASKED;
    return manager.create(mask);
  }

  /**
   * Teacher-forced clue logits [B, T, vocab] for target tokens [B, T]: step t reads target t-1 (bos at t = 0).
   *
   * <p>The same sums as {@link #clueStep} at every step, grouped for speed: every step's input token is known,
   * so the parts of the GRU input projection that do not depend on the state (token and context rows of
   * {@code decoder.gru.wx}, and its bias) are computed once for all steps, and the output layer runs once over all
   * steps. Only the attention, the attended-image rows of the input projection and the recurrent part stay in the
   * loop. Results equal the step-by-step form to float rounding ({@code ClueLogitsEquivalenceTest}).
   */
  public NDArray clueLogits(Encoded encoded, TurnBatch.Arrays in, NDArray targets) {
    return clueLogits(clueContext(encoded, in), targets);
  }

  /** Teacher-forced clue logits [B, T, vocab] for target tokens [B, T] from given decoder inputs. */
  public NDArray clueLogits(DecoderInputs inputs, NDArray targets) {
    NDManager manager = targets.getManager();
    long h = config.hiddenDim();
    long tokenDim = config.tokenDim();
    long batch = targets.getShape().get(0);
    int steps = Math.toIntExact(targets.getShape().get(1));
    NDArray previous = manager.full(new Shape(batch, 1), Vocabulary.BOS_ID, DataType.INT64);
    if (steps > 1) {
      previous = previous.concat(targets.get(":, 0:" + (steps - 1)), 1);
    }
    // The token, context and attended-image rows of wx (one split: its backward is one concatenation).
    NDList wx = p.get("decoder.gru.wx").split(new long[] {tokenDim, tokenDim + h}, 0);
    wx.attach(manager); // results of an operation on a weight belong to the model's manager
    NDArray tokenGates = embed(previous, config.vocabSize(), p.get("decoder.embed")).matMul(wx.get(0)); // [B, T, 3h]
    NDArray contextGates = inputs.context().matMul(wx.get(1)).add(p.get("decoder.gru.bx"));
    NDArray seenRows = wx.get(2);
    // One split rather than a slice per step: the backward of each slice would fill and add a zero array of the
    // whole [B, T, 3h] size; the split's backward is one concatenation.
    NDList tokenGatesByStep = steps == 1 ? new NDList(tokenGates) : tokenGates.split(steps, 1);
    // The attention query and the recurrent gates both read the state: one matmul per step over both weights.
    NDArray stateWeights = p.get("decoder.att.query").concat(p.get("decoder.gru.wh"), 1);
    stateWeights.attach(manager);
    long attention = config.attentionDim();
    NDArray keys = inputs.keys().transpose(0, 2, 1);
    NDArray scale = constant(targets, (float) Math.sqrt(config.attentionDim()));
    NDArray state = inputs.initialState();
    NDList outputs = new NDList(steps);
    for (int t = 0; t < steps; t++) {
      NDList fromState = state.matMul(stateWeights).split(new long[] {attention}, 1);
      NDArray query = fromState.get(0).expandDims(1);
      NDArray weights = query.batchMatMul(keys).div(scale).softmax(2);
      NDArray seen = weights.batchMatMul(inputs.values()).squeeze(1);
      // Gates in wx / wh column order: reset and update (2h, one sigmoid), then the candidate (h).
      NDList gx = tokenGatesByStep.get(t).squeeze(1).add(contextGates).add(seen.matMul(seenRows))
          .split(new long[] {2 * h}, 1);
      NDList gh = fromState.get(1).add(p.get("decoder.gru.bh")).split(new long[] {2 * h}, 1);
      NDList resetUpdate = Activation.sigmoid(gx.get(0).add(gh.get(0))).split(2, 1);
      NDArray candidate = gx.get(1).add(resetUpdate.get(0).mul(gh.get(1))).tanh();
      NDArray next = candidate.add(resetUpdate.get(1).mul(state.sub(candidate)));
      outputs.add(next.concat(seen, 1).expandDims(1));
      state = next;
    }
    NDArray read = outputs.size() == 1 ? outputs.head() : NDArrays.concat(outputs, 1); // [B, T, hidden + attention]
    return linear(read, "decoder.out").add(vocabMask(manager));
  }

  /**
   * Per-token log-probs [B, T] of target clues [B, T] under the whole clue policy, from the decoder's own [B, T].
   * A clue turn that has an echo ({@code in.echoTokens}) echoes it with probability π (the sigmoid of its role's
   * {@code decoder.echo} logit), else the decoder generates the clue. Which way was taken is not part of the
   * clue, so each token's probability mixes both ways, weighted by how likely each is given the tokens before it:
   * {@code p(y_t | y_<t) = (π E_t [y_t = e_t] + (1 − π) O_t p(y_t)) / (π E_t + (1 − π) O_t)}, with E_t = 1 while
   * the clue so far equals the echo and O_t the decoder's probability of the clue so far. The tokens' log-probs
   * then sum to the log of the clue's whole probability, π [y = e] + (1 − π) p_decoder(y), so the GRPO ratio and
   * KL see the policy as sampled; {@link EchoMixture} is the same sum in Java for the sampler.
   */
  public NDArray echoMixture(NDArray ownLogProbs, NDArray targets, TurnBatch.Arrays in) {
    long steps = targets.getShape().get(1);
    NDArray logits = in.roles().oneHot(ModelConfig.ROLES, DataType.FLOAT32)
        .matMul(p.get(ParameterSet.ECHO_LOGITS).reshape(ModelConfig.ROLES, 1)); // [B, 1]
    NDArray available = in.echoAvailable().reshape(-1, 1);
    NDArray unavailable = constant(available, 1f).sub(available);
    // log π and log(1 − π); a turn without an echo generates for sure (log π = MASKED, log(1 − π) = 0).
    NDArray logEcho = logSigmoid(logits).mul(available).add(unavailable.mul(constant(available, MASKED)));
    NDArray logGenerate = logSigmoid(logits.neg()).mul(available);
    NDArray echo = in.echoTokens().get(":, 0:" + steps);
    NDArray matches = targets.eq(echo).toType(DataType.FLOAT32, false);
    NDArray logMatch = constant(matches, 1f).sub(matches).mul(constant(matches, MASKED)); // 0 or MASKED
    NDArray echoPrefix = logEcho.add(logMatch.cumSum(1).sub(logMatch)); // log π E_t
    NDArray generatePrefix = logGenerate.add(ownLogProbs.cumSum(1).sub(ownLogProbs)); // log (1 − π) O_t
    return logAddExp(echoPrefix.add(logMatch), generatePrefix.add(ownLogProbs))
        .sub(logAddExp(echoPrefix, generatePrefix));
  }

  /** log(sigmoid(x)) without overflow: min(x, 0) − log(1 + exp(−|x|)) (constants as arrays: see {@link #constant}). */
  private static NDArray logSigmoid(NDArray x) {
    return x.minimum(constant(x, 0f)).sub(x.abs().neg().exp().add(constant(x, 1f)).log());
  }

  /** log(exp(a) + exp(b)) without overflow. */
  private static NDArray logAddExp(NDArray a, NDArray b) {
    NDArray top = a.maximum(b);
    return top.add(a.sub(top).exp().add(b.sub(top).exp()).log());
  }

  /**
   * How well each seat's clues describe {@code encoded}'s image, read by the listener (the clue decoder's weights as
   * they were when self-play started: {@link ParameterSet#listener}; the decoder itself before that): every clue is
   * scored as if a civilian with no history had said it about this image. Per seat [B, maxPlayers, 3]: the
   * geometric mean probability of its tokens (end tokens included), the probability of its least likely
   * token, and the geometric mean probability of its best-fitting clue; zero for a seat without clues. The third
   * tells a civilian who once repeated the spy's clue (one clue fits) from the spy (none fits). A clue naming an
   * object the image lacks has a token the decoder finds unlikely, so this is the model's own check of words
   * against pixels; on a blank image every clue fits badly.
   *
   * <p>It carries no gradient: the decision stage learns how to weigh it, the clue stage trains the speaker, and the
   * listener is never trained, so a speaker that changes its words cannot change how words are judged.
   */
  public NDArray clueFit(Encoded encoded, TurnBatch.Arrays in) {
    NDArray global = encoded.global();
    long batch = global.getShape().get(0);
    int players = config.maxPlayers();
    NDManager manager = in.seatValid().getManager();
    long rows = in.clueTokens().getShape().get(0);
    if (rows == 0) {
      return manager.zeros(new Shape(batch, players, FIT_FEATURES));
    }
    NDArray tokens = in.clueTokens();
    NDArray map = encoded.featureMap();
    Shape mapShape = map.getShape();
    NDArray rowMap = embed(in.clueTurn(), Math.toIntExact(batch), map.reshape(batch, -1))
        .reshape(rows, mapShape.get(1), mapShape.get(2));
    NDArray rowGlobal = embed(in.clueTurn(), Math.toIntExact(batch), global);
    // The listener's weights under the decoder's names: its own frozen copy once the speaker trains.
    VzNetwork listener = new VzNetwork(config, p.listener());
    NDArray role = embed(in.clueTurn().zerosLike(), ModelConfig.ROLES, listener.p.get("decoder.role")); // civilian
    NDArray noHistory = manager.zeros(new Shape(rows, config.tokenDim()));
    DecoderInputs inputs = listener.decoderInputs(new Encoded(rowMap, rowGlobal), role, noHistory);
    NDArray mask = in.clueMask();
    NDArray tokenLogProbs = listener.clueLogits(inputs, tokens).logSoftmax(2).gather(tokens.expandDims(2), 2)
        .squeeze(2);
    NDArray rowSum = tokenLogProbs.mul(mask).sum(new int[] {1});
    NDArray rowCount = mask.sum(new int[] {1});
    NDArray rowWorst = tokenLogProbs.add(constant(mask, 1f).sub(mask).mul(constant(mask, -MASKED))).min(new int[] {1});
    // Rows to seats: a [batch × players, R] membership matrix sums and takes minima over each seat's clues.
    NDArray member = in.clueSeat().oneHot(Math.toIntExact(batch * players), DataType.FLOAT32).transpose();
    NDArray seatSum = member.matMul(rowSum.expandDims(1));
    NDArray seatCount = member.matMul(rowCount.expandDims(1));
    NDArray seatWorst = member.mul(rowWorst.expandDims(0))
        .add(constant(member, 1f).sub(member).mul(constant(member, -MASKED))).min(new int[] {1}, true).minimum(0f);
    // Probabilities are positive, so a non-member's 0 never wins the maximum over a seat's clues.
    NDArray rowMeanProb = rowSum.div(rowCount.maximum(1f)).exp();
    NDArray seatBest = member.mul(rowMeanProb.expandDims(0)).max(new int[] {1}, true);
    NDArray hasClues = seatCount.minimum(1f);
    NDArray meanLogProb = seatSum.div(seatCount.maximum(1f));
    return meanLogProb.exp().concat(seatWorst.exp(), 1).concat(seatBest, 1).mul(hasClues)
        .reshape(batch, players, FIT_FEATURES).stopGradient();
  }

  /** Decision logits [B, 1 + maxPlayers]: option 0 is N/A, option k is seat k; seats beyond N are masked. */
  public NDArray decisionLogits(Encoded encoded, TurnBatch.Arrays in) {
    int d = config.decisionDim();
    int players = config.maxPlayers();
    long perSeat = in.seatTokens().getShape().get(2);
    NDArray map = encoded.featureMap();
    long batch = map.getShape().get(0);
    // Unit RMS per sample, so the head sees features of a stable scale whatever the encoder learnt.
    NDArray rms = map.square().mean(new int[] {2}, true).mean(new int[] {1}, true).add(RMS_EPSILON).sqrt();
    NDArray features = map.div(rms);
    NDArray tokens = embed(in.seatTokens(), config.vocabSize(), p.get("decision.token"))
        .add(embed(in.seatPositions(), config.maxClueTokens(), p.get("decision.position")))
        .add(embed(in.seatRounds(), config.maxRounds() + 1, p.get("decision.round")))
        .reshape(batch, players, perSeat, d);
    // Each token with the one after it ("red" + "cube"), so a query can look for the object, not the word alone.
    NDArray next = tokens.get(":, :, 1:, :").concat(tokens.get(":, :, 0:1, :").zerosLike(), 2)
        .mul(in.seatMask().get(":, :, 1:").concat(in.seatMask().get(":, :, 0:1").zerosLike(), 2).expandDims(3));
    NDArray bound = tokens.add(next).reshape(batch, players * perSeat, d);
    NDArray query = bound.matMul(p.get("decision.query"));
    NDArray keys = features.matMul(p.get("decision.key")).add(p.get("decision.keyPos"));
    NDArray values = features.matMul(p.get("decision.value")).add(p.get("decision.valuePos"));
    NDArray attention = query.batchMatMul(keys.transpose(0, 2, 1)).div(constant(query, (float) Math.sqrt(d)))
        .softmax(2);
    NDArray attended = attention.batchMatMul(values);
    NDArray pairs = bound.concat(attended, 2).concat(bound.mul(attended), 2);
    NDArray match = Activation.relu(linear(pairs, "decision.match"))
        .reshape(batch, players, perSeat, d);
    NDArray mask = in.seatMask().expandDims(3);
    NDArray seatMatch = maskedMean(match, in.seatMask(), 2);
    // The strongest and the weakest match of any one token: a single wrong object is diluted in the mean.
    NDArray strongestMatch = match.mul(mask).max(new int[] {2});
    NDArray hasTokens = in.seatMask().max(new int[] {2}, true);
    NDArray weakestMatch = match.add(mask.sub(constant(mask, 1f)).mul(constant(mask, MASKED))).min(new int[] {2})
        .mul(hasTokens); // a seat without tokens has no weakest match (and no huge one)
    NDArray length = in.seatMask().sum(new int[] {2}, true).div(constant(mask, perSeat));
    NDArray role = in.roles().oneHot(ModelConfig.ROLES, DataType.FLOAT32).expandDims(1)
        .broadcast(new Shape(batch, players, ModelConfig.ROLES));
    // Every feature is the seat's own clues against the image: no comparison of one seat's words with the others',
    // which would find the odd clue without looking (LEARNING-NOTES.md, trap 2) and defeat the no-image control.
    NDArray seatFeatures = seatMatch.concat(strongestMatch, 2).concat(weakestMatch, 2).concat(length, 2)
        .concat(in.selfSeat().expandDims(2), 2).concat(role, 2);
    NDArray fitFeatures = clueFit(encoded, in);
    NDArray fit = fitFeatures.get(":, :, 0:2").matMul(p.get(ParameterSet.CLUE_FIT_WEIGHTS))
        .add(fitFeatures.get(":, :, 2:3").matMul(p.get(ParameterSet.BEST_CLUE_FIT_WEIGHTS)));
    NDArray hidden = Activation.relu(linear(seatFeatures, "decision.score1").add(fit));
    NDArray scores = linear(hidden, "decision.score2").squeeze(2);
    scores = scores.add(in.seatValid().sub(1f).mul(-MASKED));
    NDArray abstain = in.seatValid().get(":, 0:1").zerosLike().add(p.get("decision.abstain"));
    return abstain.concat(scores, 1);
  }
}
