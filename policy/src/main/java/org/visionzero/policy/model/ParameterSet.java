package org.visionzero.policy.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * The model's weights: named arrays in a fixed order, living in the model's long-lived manager.
 *
 * <p>Names start with the part they belong to ({@code encoder.}, {@code decoder.}, {@code decision.}, and the
 * listener's frozen copy of decoder weights, {@code listener.}, once it has one), so a trainer can freeze or train a
 * part by prefix. Initialisation uses a Java random source with a given seed,
 * so the same seed gives the same initial model on any engine and device.
 */
public final class ParameterSet {
  public static final String ENCODER = "encoder.";
  public static final String DECODER = "decoder.";
  public static final String DECISION = "decision.";

  /** Weights of the decoder's clue fit in the decision head ({@code VzNetwork.clueFit}). */
  public static final String CLUE_FIT_WEIGHTS = "decision.fit.w";
  /** Weights of the seat's best-fitting clue in the decision head ({@code VzNetwork.clueFit}, third feature). */
  public static final String BEST_CLUE_FIT_WEIGHTS = "decision.fit.best.w";
  /** Per role, the logit of echoing the latest clue of another seat instead of decoding one ({@code VzNetwork}). */
  public static final String ECHO_LOGITS = "decoder.echo";
  /**
   * The listener: a frozen copy of the clue decoder's weights that the decision head's clue fit reads
   * ({@code VzNetwork.clueFit}), so that training the speaker (the decoder) cannot move the judge. Never trained.
   */
  public static final String LISTENER = "listener.";
  /** The decoder parameters the clue fit reads (not the history embeddings, which it leaves empty, nor the echo). */
  private static final List<String> LISTENED = List.of("decoder.role", "decoder.ctx.w", "decoder.ctx.b",
      "decoder.h0.w", "decoder.h0.b", "decoder.embed", "decoder.att.query", "decoder.att.key", "decoder.att.value",
      "decoder.att.pos", "decoder.gru.wx", "decoder.gru.bx", "decoder.gru.wh", "decoder.gru.bh", "decoder.out.w",
      "decoder.out.b");
  private static final float ECHO_LEARNING_RATE_SCALE = 100f;
  /**
   * The echo logit of a model that never echoes ({@code policy.echo=off}): σ(−10⁴) is 0 and log(1 − σ) is 0 in float
   * and double, so such a turn always decodes its own clue, its log-probs are the decoder's exactly, and the logit
   * gets no gradient (training leaves it where it is).
   */
  public static final float ECHO_OFF_LOGIT = -1e4f;
  /**
   * Parameters added after the first release, with the one value every weight of theirs has in a fresh model: a
   * checkpoint written before them loads with that value, which for the clue fit is the function it was saved
   * as, and for the echo logits gives an older v0 the same small echo prior a new one has.
   */
  private static final Map<String, Float> ADDED = Map.of(
      CLUE_FIT_WEIGHTS, 0f,
      BEST_CLUE_FIT_WEIGHTS, 0f,
      ECHO_LOGITS, (float) Math.log(ModelConfig.ECHO_PRIOR / (1 - ModelConfig.ECHO_PRIOR)));

  private static final NDIndex ALL = new NDIndex("...");
  private final Map<String, NDArray> arrays = new LinkedHashMap<>();
  private final Set<String> trainable = new LinkedHashSet<>();
  /** What the clue fit reads: this set while the listener is tied to the decoder, else a view on its own copy. */
  private ParameterSet listener = this;

  private ParameterSet() {}

  /** Declared shapes of every parameter of a config, in order. */
  public static Map<String, Shape> shapes(ModelConfig c) {
    Map<String, Shape> s = new LinkedHashMap<>();
    int v = c.vocabSize();
    int h = c.hiddenDim();
    int d = c.decisionDim();
    s.put("encoder.conv1.w", new Shape(c.conv1(), 3, 3, 3));
    s.put("encoder.conv1.b", new Shape(c.conv1()));
    s.put("encoder.conv2.w", new Shape(c.conv2(), c.conv1(), 3, 3));
    s.put("encoder.conv2.b", new Shape(c.conv2()));
    s.put("encoder.conv3.w", new Shape(c.conv3(), c.conv2(), 3, 3));
    s.put("encoder.conv3.b", new Shape(c.conv3()));
    s.put("encoder.fc.w", new Shape((long) c.conv3() * c.featurePositions(), c.imageDim()));
    s.put("encoder.fc.b", new Shape(c.imageDim()));
    s.put("decoder.role", new Shape(ModelConfig.ROLES, c.roleDim()));
    s.put("decoder.hist.token", new Shape(v, c.tokenDim()));
    s.put("decoder.hist.seat", new Shape(c.maxPlayers() + 1, c.tokenDim()));
    s.put("decoder.hist.round", new Shape(c.maxRounds() + 1, c.tokenDim()));
    s.put("decoder.ctx.w", new Shape(c.imageDim() + c.roleDim() + c.tokenDim(), h));
    s.put("decoder.ctx.b", new Shape(h));
    s.put("decoder.h0.w", new Shape(h, h));
    s.put("decoder.h0.b", new Shape(h));
    s.put("decoder.embed", new Shape(v, c.tokenDim()));
    s.put("decoder.att.query", new Shape(h, c.attentionDim()));
    s.put("decoder.att.key", new Shape(c.conv3(), c.attentionDim()));
    s.put("decoder.att.value", new Shape(c.conv3(), c.attentionDim()));
    s.put("decoder.att.pos", new Shape(c.featurePositions(), c.attentionDim()));
    s.put("decoder.gru.wx", new Shape(c.tokenDim() + h + c.attentionDim(), 3L * h));
    s.put("decoder.gru.bx", new Shape(3L * h));
    s.put("decoder.gru.wh", new Shape(h, 3L * h));
    s.put("decoder.gru.bh", new Shape(3L * h));
    s.put("decoder.out.w", new Shape(h + c.attentionDim(), v));
    s.put("decoder.out.b", new Shape(v));
    s.put("decision.token", new Shape(v, d));
    s.put("decision.position", new Shape(c.maxClueTokens(), d));
    s.put("decision.round", new Shape(c.maxRounds() + 1, d));
    s.put("decision.query", new Shape(d, d));
    s.put("decision.key", new Shape(c.conv3(), d));
    s.put("decision.value", new Shape(c.conv3(), d));
    s.put("decision.keyPos", new Shape(c.featurePositions(), d));
    s.put("decision.valuePos", new Shape(c.featurePositions(), d));
    s.put("decision.match.w", new Shape(3L * d, d));
    s.put("decision.match.b", new Shape(d));
    s.put("decision.score1.w", new Shape(3L * d + 2 + ModelConfig.ROLES, d));
    s.put("decision.score1.b", new Shape(d));
    s.put("decision.score2.w", new Shape(d, 1));
    s.put("decision.score2.b", new Shape(1));
    s.put("decision.abstain", new Shape(1));
    // Added later (ADDED), so last. Zero at the start: a fresh model ignores the clue fit until the decision stage
    // learns it.
    s.put(CLUE_FIT_WEIGHTS, new Shape(2, d));
    s.put(ECHO_LOGITS, new Shape(ModelConfig.ROLES));
    s.put(BEST_CLUE_FIT_WEIGHTS, new Shape(1, d));
    return s;
  }

  /** Declared shapes of the listener's own copy ({@link #LISTENER}), in order: those of the decoder weights it copies. */
  public static Map<String, Shape> listenerShapes(ModelConfig c) {
    Map<String, Shape> decoder = shapes(c);
    Map<String, Shape> s = new LinkedHashMap<>();
    LISTENED.forEach(name -> s.put(listenerName(name), decoder.get(name)));
    return s;
  }

  /** The listener's name for a decoder parameter: {@code decoder.gru.wx} is {@code listener.gru.wx}. */
  public static String listenerName(String decoderName) {
    if (!LISTENED.contains(decoderName)) {
      throw new IllegalArgumentException("the listener has no copy of '" + decoderName + "'");
    }
    return LISTENER + decoderName.substring(DECODER.length());
  }

  /**
   * How many times the optimiser's learning rate a parameter learns at: 1, except the echo logits. They are one
   * number per role choosing between two ways of speaking, and Adam moves a weight by about the learning rate per
   * step whatever its gradient, so at the decoder's rate (1e-4) the choice would need tens of thousands of steps
   * to change.
   */
  public static float learningRateScale(String name) {
    return ECHO_LOGITS.equals(name) ? ECHO_LEARNING_RATE_SCALE : 1f;
  }

  /** Whether a parameter was added after the first release ({@link #ADDED}), so a checkpoint may lack it. */
  public static boolean addedLater(String name) {
    return ADDED.containsKey(name);
  }

  /** The fresh values of a parameter added after the first release: what a checkpoint without it loads with. */
  public static float[] addedLaterValues(String name, Shape shape) {
    Float value = ADDED.get(name);
    if (value == null) {
      throw new IllegalArgumentException("'" + name + "' was in the first release: a checkpoint must hold it");
    }
    float[] values = new float[Math.toIntExact(shape.size())];
    java.util.Arrays.fill(values, value);
    return values;
  }

  /**
   * Fresh weights: Xavier-uniform matrices and embeddings, He-uniform convolutions, zero biases, and the
   * {@link #ADDED} parameters at their start values.
   */
  public static ParameterSet initialise(NDManager manager, ModelConfig config, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    ParameterSet set = new ParameterSet();
    for (Map.Entry<String, Shape> e : shapes(config).entrySet()) {
      Shape shape = e.getValue();
      String name = e.getKey();
      float[] values;
      if (addedLater(name)) {
        values = addedLaterValues(name, shape);
      } else {
        values = new float[Math.toIntExact(shape.size())];
        if (shape.dimension() >= 2) {
          double bound = initBound(shape);
          for (int i = 0; i < values.length; i++) {
            values[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
          }
        }
      }
      set.put(manager, name, values, shape);
    }
    return set;
  }

  /**
   * Weights from stored values; every declared parameter must be present with its declared size. The listener's
   * copy ({@link #listenerShapes}) is optional, but whole: without it the listener is the decoder itself.
   */
  public static ParameterSet fromValues(NDManager manager, ModelConfig config, Map<String, float[]> values) {
    ParameterSet set = new ParameterSet();
    for (Map.Entry<String, Shape> e : shapes(config).entrySet()) {
      set.put(manager, e.getKey(), checked(values, e.getKey(), e.getValue()), e.getValue());
    }
    Map<String, Shape> listenerShapes = listenerShapes(config);
    long present = listenerShapes.keySet().stream().filter(values::containsKey).count();
    if (present == listenerShapes.size()) {
      listenerShapes.forEach((name, shape) -> set.putFrozen(manager, name, checked(values, name, shape), shape));
      set.listener = set.listenerView();
    } else if (present > 0) {
      throw new IllegalArgumentException("the listener's copy is incomplete: " + present + " of its "
          + listenerShapes.size() + " parameters " + listenerShapes.keySet());
    }
    return set;
  }

  private static float[] checked(Map<String, float[]> values, String name, Shape shape) {
    float[] v = values.get(name);
    if (v == null) {
      throw new IllegalArgumentException("parameter '" + name + "' is missing");
    }
    if (v.length != shape.size()) {
      throw new IllegalArgumentException("parameter '" + name + "' has " + v.length
          + " values, the architecture needs " + shape);
    }
    return v;
  }

  /**
   * Gives the listener its own frozen copy of the decoder's current weights (false when it already has one), so
   * that training the decoder from now on leaves the clue fit as it is now. Until then the listener is the decoder.
   */
  boolean detachListener(NDManager manager) {
    if (hasOwnListener()) {
      return false;
    }
    for (String name : LISTENED) {
      NDArray decoder = get(name);
      putFrozen(manager, listenerName(name), decoder.toFloatArray(), decoder.getShape());
    }
    listener = listenerView();
    return true;
  }

  /** Whether the listener has its own copy ({@link #detachListener}) rather than reading the decoder. */
  public boolean hasOwnListener() {
    return listener != this;
  }

  /**
   * The weights the clue fit reads, under the decoder's names: this set while the listener is tied to the decoder,
   * else the same arrays with the decoder's listened weights swapped for the listener's copy.
   */
  public ParameterSet listener() {
    return listener;
  }

  private ParameterSet listenerView() {
    ParameterSet view = new ParameterSet();
    arrays.forEach((name, array) -> {
      if (!name.startsWith(LISTENER)) {
        view.arrays.put(name, LISTENED.contains(name) ? arrays.get(listenerName(name)) : array);
      }
    });
    return view;
  }

  private static double initBound(Shape shape) {
    if (shape.dimension() == 4) {
      long fanIn = shape.get(1) * shape.get(2) * shape.get(3);
      return Math.sqrt(6.0 / fanIn);
    }
    return Math.sqrt(6.0 / (shape.get(0) + shape.get(1)));
  }

  private void put(NDManager manager, String name, float[] values, Shape shape) {
    NDArray array = manager.create(values, shape);
    array.setName(name);
    array.setRequiresGradient(true);
    arrays.put(name, array);
    trainable.add(name);
  }

  private void putFrozen(NDManager manager, String name, float[] values, Shape shape) {
    NDArray array = manager.create(values, shape);
    array.setName(name);
    arrays.put(name, array);
  }

  public NDArray get(String name) {
    NDArray a = arrays.get(name);
    if (a == null) {
      throw new IllegalArgumentException("no parameter named '" + name + "'");
    }
    return a;
  }

  public List<String> names() {
    return Collections.unmodifiableList(new ArrayList<>(arrays.keySet()));
  }

  /** Parameters whose names match, in order. */
  public List<String> names(Predicate<String> filter) {
    return arrays.keySet().stream().filter(filter).toList();
  }

  /** Total number of weights (the listener's copy included, when it has one). */
  public long count() {
    return count(name -> true);
  }

  /** Number of weights of the parameters whose names match. */
  public long count(Predicate<String> filter) {
    return arrays.entrySet().stream().filter(e -> filter.test(e.getKey()))
        .mapToLong(e -> e.getValue().getShape().size()).sum();
  }

  /** Copies every value out of the engine, in order (for checkpoints and reference copies). */
  public Map<String, float[]> values() {
    Map<String, float[]> out = new LinkedHashMap<>();
    arrays.forEach((k, a) -> out.put(k, a.toFloatArray()));
    return out;
  }

  /** Declared shape of each parameter, in order. */
  public Map<String, Shape> currentShapes() {
    Map<String, Shape> out = new LinkedHashMap<>();
    arrays.forEach((k, a) -> out.put(k, a.getShape()));
    return out;
  }

  /**
   * The accumulated gradient of a trainable parameter as a new wrapper (close it after use; the gradient
   * itself stays), or null when none was computed yet. Gradients of frozen parameters are never read.
   */
  public NDArray gradient(String name) {
    NDArray a = get(name);
    if (!trainable.contains(name)) {
      return null;
    }
    try {
      return a.getGradient();
    } catch (IllegalStateException e) {
      return null; // the parameter took no part in a backward pass yet
    }
  }

  /**
   * Sets every accumulated gradient to zero, in place. The PyTorch engine does not reset them; subtracting a
   * gradient from itself would keep a NaN forever; and {@code NDArray.set(float[])} must not be used: on the
   * CPU it points the tensor at a Java buffer that the garbage collector later frees.
   */
  public void zeroGradients() {
    for (String name : trainable) {
      NDArray g = gradient(name);
      if (g != null) {
        try (g) {
          g.set(ALL, 0f);
        }
      }
    }
  }

  /** Turns gradients on for the parameters that match and off for the others; the listener's copy stays frozen. */
  public void setTrainable(Predicate<String> filter) {
    trainable.clear();
    arrays.forEach((k, a) -> {
      boolean on = !k.startsWith(LISTENER) && filter.test(k);
      a.setRequiresGradient(on);
      if (on) {
        trainable.add(k);
      }
    });
  }

  /** Names of the parameters that currently take gradients. */
  public Set<String> trainable() {
    return Collections.unmodifiableSet(trainable);
  }

  /** Closes every array (when a model is discarded). */
  void close() {
    arrays.values().forEach(NDArray::close);
    arrays.clear();
  }
}
