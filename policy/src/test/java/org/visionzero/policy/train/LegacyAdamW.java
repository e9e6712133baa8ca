package org.visionzero.policy.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.visionzero.policy.model.ParameterSet;

/**
 * The original per-parameter AdamW (before the fused update), kept as the reference for tests and benchmarks.
 * AdamW with global gradient-norm clipping, over the parameters a caller names. The moment estimates live in
 * this optimiser's own manager (close it with the optimiser). After each {@link #step} every gradient is zeroed:
 * the PyTorch engine does not reset them.
 */
final class LegacyAdamW implements AutoCloseable {
  static final float BETA1 = AdamW.BETA1;
  static final float BETA2 = AdamW.BETA2;
  static final float EPSILON = AdamW.EPSILON;

  private final NDManager manager;
  private final float weightDecay;
  private final float clipNorm;
  private final Map<String, NDArray[]> moments = new HashMap<>();
  private long steps;

  /**
   * @param manager     a manager on the model's device (e.g. {@code model.newStepManager()}), owned by this optimiser
   * @param weightDecay decoupled weight decay (0 for none)
   * @param clipNorm    largest global gradient norm; larger gradients are scaled down ({@code <= 0}: no clipping)
   */
  LegacyAdamW(NDManager manager, float weightDecay, float clipNorm) {
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
    double squared = 0;
    for (String name : names) {
      NDArray g = parameters.gradient(name);
      if (g == null) {
        continue;
      }
      try (g) {
        for (float f : g.toFloatArray()) {
          squared += (double) f * f; // in double: a float sum of squares overflows long before the norm does
        }
      }
    }
    double norm = Math.sqrt(squared);
    if (!Double.isFinite(norm)) {
      parameters.zeroGradients();
      return norm;
    }
    steps++;
    float scale = clipNorm > 0 && norm > clipNorm ? (float) (clipNorm / norm) : 1f;
    float correction1 = 1f - (float) Math.pow(BETA1, steps);
    float correction2 = 1f - (float) Math.pow(BETA2, steps);
    for (String name : names) {
      NDArray gradient = parameters.gradient(name);
      if (gradient == null) {
        continue;
      }
      NDArray w = parameters.get(name);
      NDArray[] m = moments.computeIfAbsent(name, k -> new NDArray[] {
          manager.zeros(w.getShape(), w.getDataType()), manager.zeros(w.getShape(), w.getDataType())});
      try (NDManager tmp = manager.newSubManager()) {
        gradient.attach(tmp); // the wrapper only: closing it leaves the gradient in place
        NDArray g = gradient.mul(scale);
        m[0].muli(BETA1).addi(g.mul(1f - BETA1));
        m[1].muli(BETA2).addi(g.square().muli(1f - BETA2));
        // Operations start from arrays of tmp, so every temporary dies with it.
        NDArray update = g.zerosLike().add(m[0]).div(correction1)
            .div(g.zerosLike().add(m[1]).div(correction2).sqrt().add(EPSILON));
        if (weightDecay > 0) {
          update = update.add(g.zerosLike().add(w.stopGradient()).muli(weightDecay)); // decoupled: decay w, not g
        }
        // A detached view shares the weight's storage; in-place updates through it are allowed even where
        // grad mode is on (PyTorch grad mode is per thread, and only the engine's own thread starts with it off).
        NDArray weight = w.stopGradient();
        weight.attach(tmp);
        weight.subi(update.muli(lr));
      }
    }
    parameters.zeroGradients();
    return norm;
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
