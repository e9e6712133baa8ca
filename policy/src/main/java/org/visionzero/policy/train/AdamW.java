package org.visionzero.policy.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import org.visionzero.policy.model.ParameterSet;

/**
 * AdamW with global gradient-norm clipping, over the parameters a caller names; each parameter learns at
 * {@link ParameterSet#learningRateScale} times the rate. The state (step count, moments) lives in this optimiser's own
 * manager (close it with the optimiser) and can be saved in a checkpoint and restored ({@link #saveState},
 * {@link #loadState}), so a resumed trainer continues exactly. After each update or discard every gradient is zeroed:
 * the PyTorch engine does not reset them.
 *
 * <p>An update is two calls: {@link #prepare} measures the gradients, then {@link PendingUpdate#apply} or
 * {@link PendingUpdate#discard}; {@link #step} does both. The update is fused: the gradients (and weights) of all
 * named parameters are concatenated into one flat vector, the moments are flat vectors, and the AdamW arithmetic runs
 * once over all of them; only the final subtraction is per parameter. The per-parameter form issued about 15 engine
 * operations per parameter and copied every gradient to Java for the norm (a quarter of a pretraining step); the
 * arithmetic and its order are the same, so results equal it to float rounding ({@code AdamWFusedTest}).
 */
public final class AdamW implements AutoCloseable {
  /** Name of the checkpoint section that holds {@link #saveState}. */
  public static final String CHECKPOINT_SECTION = "optimizer";
  public static final float BETA1 = 0.9f;
  public static final float BETA2 = 0.999f;
  public static final float EPSILON = 1e-8f;

  private final NDManager manager;
  private final AdamWState state;
  private final float weightDecay;
  private final float clipNorm;

  /**
   * @param manager     a manager on the model's device (e.g. {@code model.newStepManager()}), owned by this optimiser
   * @param weightDecay decoupled weight decay (0 for none)
   * @param clipNorm    largest global gradient norm; larger gradients are scaled down ({@code <= 0}: no clipping)
   */
  public AdamW(NDManager manager, float weightDecay, float clipNorm) {
    this.manager = manager;
    this.state = new AdamWState(manager.newSubManager());
    this.weightDecay = weightDecay;
    this.clipNorm = clipNorm;
  }

  /**
   * Updates the named parameters at learning rate {@code lr} and zeroes their gradients. Call it after the
   * {@code GradientCollector} is closed. Returns the global gradient norm before clipping; when it is not
   * finite nothing is updated (the caller reports the skipped step).
   */
  public double step(ParameterSet parameters, List<String> names, float lr) {
    PendingUpdate update = prepare(parameters, names);
    if (Double.isFinite(update.norm())) {
      update.apply(lr);
    } else {
      update.discard();
    }
    return update.norm();
  }

  /**
   * Collects the gradients of the named parameters and their global norm; nothing changes until the update is
   * applied. Call it after the {@code GradientCollector} is closed, and apply or discard before the next backward.
   */
  public PendingUpdate prepare(ParameterSet parameters, List<String> names) {
    NDManager tmp = manager.newSubManager();
    try {
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
        return new PendingUpdate(parameters, present, null, 0, tmp);
      }
      NDArray gradient = flatGradients.size() == 1 ? flatGradients.head() : NDArrays.concat(flatGradients);
      double norm = Math.sqrt(sumOfSquares(gradient.toFloatArray()));
      return new PendingUpdate(parameters, present, gradient, norm, tmp);
    } catch (RuntimeException e) {
      tmp.close();
      throw e;
    }
  }

  /** Gradients collected and measured, not yet applied: exactly one of {@link #apply} and {@link #discard}. */
  public final class PendingUpdate {
    private final ParameterSet parameters;
    private final List<String> present;
    private final NDArray gradient;
    private final double norm;
    private final NDManager tmp;

    private PendingUpdate(ParameterSet parameters, List<String> present, NDArray gradient, double norm,
        NDManager tmp) {
      this.parameters = parameters;
      this.present = present;
      this.gradient = gradient;
      this.norm = norm;
      this.tmp = tmp;
    }

    /** The global gradient norm before clipping (0 when no named parameter has a gradient yet). */
    public double norm() {
      return norm;
    }

    /** Clips, updates the moments and the weights at learning rate {@code lr}, and zeroes the gradients. */
    public void apply(float lr) {
      if (!Double.isFinite(norm)) {
        discard();
        throw new IllegalArgumentException("refusing an update with gradient norm " + norm);
      }
      try (tmp) {
        state.countStep(); // a step with nothing to update counts too, as the per-parameter form counted it
        if (!present.isEmpty()) {
          update(lr);
        }
      }
      parameters.zeroGradients();
    }

    /** Zeroes the gradients; weights and optimiser state stay as they were. */
    public void discard() {
      tmp.close();
      parameters.zeroGradients();
    }

    private void update(float lr) {
      state.follow(parameters, present, tmp);
      float scale = clipNorm > 0 && norm > clipNorm ? (float) (clipNorm / norm) : 1f;
      float correction1 = 1f - (float) Math.pow(BETA1, state.steps());
      float correction2 = 1f - (float) Math.pow(BETA2, state.steps());
      NDArray g = gradient.mul(scale);
      state.first().muli(BETA1).addi(g.mul(1f - BETA1));
      state.second().muli(BETA2).addi(g.square().muli(1f - BETA2));
      // Results of operations on the moments belong to the state's manager: attach them to tmp.
      NDArray denominator = own(state.second().div(correction2)).sqrt().add(EPSILON);
      NDArray update = own(state.first().div(correction1)).div(denominator);
      if (weightDecay > 0) {
        NDList flatWeights = new NDList(present.size());
        for (String name : present) {
          NDArray w = own(parameters.get(name).stopGradient());
          flatWeights.add(w.reshape(-1));
        }
        NDArray weights = flatWeights.size() == 1 ? flatWeights.head() : NDArrays.concat(flatWeights);
        update = update.add(weights.mul(weightDecay)); // decoupled: decay w, not g
      }
      // One factor per element, lr × its parameter's scale, as a per-parameter update multiplies by it.
      NDArray rateScales = state.rateScales();
      if (rateScales == null) {
        update.muli(lr);
      } else {
        update.muli(own(rateScales.mul(lr)));
      }
      NDList pieces = present.size() == 1 ? new NDList(update) : update.split(state.offsets(present));
      for (int i = 0; i < present.size(); i++) {
        NDArray w = parameters.get(present.get(i));
        // A detached view shares the weight's storage; in-place updates through it are allowed even where
        // grad mode is on (PyTorch grad mode is per thread, and only the engine's own thread starts with it off).
        NDArray weight = own(w.stopGradient());
        weight.subi(pieces.get(i).reshape(w.getShape()));
      }
    }

    private NDArray own(NDArray array) {
      array.attach(tmp);
      return array;
    }
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

  /** Step count and moments as deterministic bytes, for a checkpoint section. */
  public byte[] saveState() {
    return state.save();
  }

  /** Replaces the step count and moments with those of {@link #saveState}. */
  public void loadState(byte[] saved) {
    state.load(saved);
  }

  @Override
  public void close() {
    state.close();
    manager.close();
  }
}
