package org.visionzero.policy.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.visionzero.policy.model.ParameterSet;

/**
 * AdamW with global gradient-norm clipping, over the parameters a caller names. The moment estimates live in
 * this optimiser's own manager (close it with the optimiser). After each {@link #step} every gradient is zeroed:
 * the PyTorch engine does not reset them.
 *
 * <p>The update is fused: the gradients (and weights) of all named parameters are concatenated into one flat
 * vector, the moments are flat vectors, and the AdamW arithmetic runs once over all of them; only the final
 * subtraction is per parameter. The per-parameter form issued about 15 engine operations per parameter and
 * copied every gradient to Java for the norm (a quarter of a pretraining step); the arithmetic and its order
 * are the same, so results equal it to float rounding ({@code AdamWFusedTest}).
 */
public final class AdamW implements AutoCloseable {
  public static final float BETA1 = 0.9f;
  public static final float BETA2 = 0.999f;
  public static final float EPSILON = 1e-8f;

  private final NDManager manager;
  private final float weightDecay;
  private final float clipNorm;
  /** Parameter names in the order of the flat moment vectors, and those vectors (null before the first step). */
  private List<String> layout = List.of();
  private NDArray firstMoment;
  private NDArray secondMoment;
  private long steps;

  /**
   * @param manager     a manager on the model's device (e.g. {@code model.newStepManager()}), owned by this optimiser
   * @param weightDecay decoupled weight decay (0 for none)
   * @param clipNorm    largest global gradient norm; larger gradients are scaled down ({@code <= 0}: no clipping)
   */
  public AdamW(NDManager manager, float weightDecay, float clipNorm) {
    this.manager = manager;
    this.weightDecay = weightDecay;
    this.clipNorm = clipNorm;
  }

  /**
   * Updates the named parameters at learning rate {@code lr} and zeroes their gradients. Call it after the
   * {@code GradientCollector} is closed. Returns the global gradient norm before clipping; when it is not
   * finite nothing is updated (the caller reports the skipped step).
   */
  public double step(ParameterSet parameters, List<String> names, float lr) {
    double norm;
    try (NDManager tmp = manager.newSubManager()) {
      List<String> present = new ArrayList<>(names.size());
      NDList flatGradients = new NDList(names.size());
      for (String name : names) {
        NDArray g = parameters.gradient(name);
        if (g == null) {
          continue; // took no part in a backward pass yet
        }
        g.attach(tmp); // the wrapper only: closing it leaves the gradient in place
        present.add(name);
        flatGradients.add(g.reshape(-1));
      }
      if (present.isEmpty()) {
        steps++; // as the per-parameter form counted it: a step with a zero norm and nothing to update
        return 0;
      }
      NDArray gradient = flatGradients.size() == 1 ? flatGradients.head() : NDArrays.concat(flatGradients);
      norm = Math.sqrt(sumOfSquares(gradient.toFloatArray()));
      if (!Double.isFinite(norm)) {
        parameters.zeroGradients();
        return norm;
      }
      steps++;
      ensureLayout(parameters, present, tmp);
      float scale = clipNorm > 0 && norm > clipNorm ? (float) (clipNorm / norm) : 1f;
      float correction1 = 1f - (float) Math.pow(BETA1, steps);
      float correction2 = 1f - (float) Math.pow(BETA2, steps);
      NDArray g = gradient.mul(scale);
      firstMoment.muli(BETA1).addi(g.mul(1f - BETA1));
      secondMoment.muli(BETA2).addi(g.square().muli(1f - BETA2));
      // Results of operations on the moments belong to this optimiser's manager: attach them to tmp.
      NDArray denominator = own(tmp, secondMoment.div(correction2)).sqrt().add(EPSILON);
      NDArray update = own(tmp, firstMoment.div(correction1)).div(denominator);
      if (weightDecay > 0) {
        NDList flatWeights = new NDList(present.size());
        for (String name : present) {
          NDArray w = own(tmp, parameters.get(name).stopGradient());
          flatWeights.add(w.reshape(-1));
        }
        NDArray weights = flatWeights.size() == 1 ? flatWeights.head() : NDArrays.concat(flatWeights);
        update = update.add(weights.mul(weightDecay)); // decoupled: decay w, not g
      }
      update.muli(lr);
      NDList pieces = present.size() == 1 ? new NDList(update) : update.split(offsets(parameters, present));
      for (int i = 0; i < present.size(); i++) {
        NDArray w = parameters.get(present.get(i));
        // A detached view shares the weight's storage; in-place updates through it are allowed even where
        // grad mode is on (PyTorch grad mode is per thread, and only the engine's own thread starts with it off).
        NDArray weight = own(tmp, w.stopGradient());
        NDArray piece = pieces.get(i).reshape(w.getShape());
        float rateScale = ParameterSet.learningRateScale(present.get(i));
        weight.subi(rateScale == 1f ? piece : piece.mul(rateScale));
      }
    }
    parameters.zeroGradients();
    return norm;
  }

  /**
   * Sum of squares in double (a float sum overflows long before the norm does), over four independent partial
   * sums: one running sum is a chain of dependent additions, about 4x slower over a million values.
   */
  static double sumOfSquares(float[] values) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int i = 0;
    for (; i + 3 < values.length; i += 4) {
      s0 += (double) values[i] * values[i];
      s1 += (double) values[i + 1] * values[i + 1];
      s2 += (double) values[i + 2] * values[i + 2];
      s3 += (double) values[i + 3] * values[i + 3];
    }
    for (; i < values.length; i++) {
      s0 += (double) values[i] * values[i];
    }
    return (s0 + s1) + (s2 + s3);
  }

  private static NDArray own(NDManager tmp, NDArray array) {
    array.attach(tmp);
    return array;
  }

  /** Split points of the flat vector of {@code present}: the running sums of their sizes, last one left out. */
  private static long[] offsets(ParameterSet parameters, List<String> present) {
    long[] at = new long[present.size() - 1];
    long sum = 0;
    for (int i = 0; i < at.length; i++) {
      sum += parameters.get(present.get(i)).size();
      at[i] = sum;
    }
    return at;
  }

  /**
   * Makes the flat moments follow {@code present}. When a parameter gets its first gradient (or one stops being
   * named) the moments are re-laid: kept values move to their new place, new parameters start at zero.
   */
  private void ensureLayout(ParameterSet parameters, List<String> present, NDManager tmp) {
    if (present.equals(layout) && firstMoment != null) {
      return;
    }
    Map<String, NDArray[]> old = new HashMap<>();
    if (firstMoment != null) {
      NDList first = layout.size() == 1 ? new NDList(firstMoment) : firstMoment.split(offsets(parameters, layout));
      NDList second = layout.size() == 1 ? new NDList(secondMoment) : secondMoment.split(offsets(parameters, layout));
      for (int i = 0; i < layout.size(); i++) {
        old.put(layout.get(i), new NDArray[] {first.get(i), second.get(i)});
      }
    }
    NDList first = new NDList(present.size());
    NDList second = new NDList(present.size());
    for (String name : present) {
      NDArray[] kept = old.get(name);
      NDArray w = parameters.get(name);
      first.add(kept != null ? kept[0] : manager.zeros(new Shape(w.size()), w.getDataType()));
      second.add(kept != null ? kept[1] : manager.zeros(new Shape(w.size()), w.getDataType()));
    }
    NDArray newFirst = first.size() == 1 ? first.head().duplicate() : NDArrays.concat(first);
    NDArray newSecond = second.size() == 1 ? second.head().duplicate() : NDArrays.concat(second);
    newFirst.attach(manager);
    newSecond.attach(manager);
    for (NDArray a : first) {
      a.attach(tmp); // the pieces die with the step
    }
    for (NDArray a : second) {
      a.attach(tmp);
    }
    if (firstMoment != null) {
      firstMoment.attach(tmp);
      secondMoment.attach(tmp);
    }
    firstMoment = newFirst;
    secondMoment = newSecond;
    layout = List.copyOf(present);
  }

  /** Number of updates made. */
  public long steps() {
    return steps;
  }

  @Override
  public void close() {
    manager.close();
  }
}
