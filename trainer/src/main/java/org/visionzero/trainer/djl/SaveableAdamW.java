package org.visionzero.trainer.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.visionzero.policy.model.ParameterSet;

/**
 * AdamW with global gradient-norm clipping whose moments and step count can be saved in a checkpoint and
 * restored, so a resumed run continues with the same optimizer state. (The policy module's AdamW keeps its
 * moments private; this is the trainer's seam until it can export them.) Gradients are zeroed after each step
 * by the caller's parameter set.
 */
public final class SaveableAdamW implements AutoCloseable {
  public static final String SECTION = "optimizer";
  public static final float BETA1 = 0.9f;
  public static final float BETA2 = 0.999f;
  public static final float EPSILON = 1e-8f;
  private static final int MAGIC = 0x565A4F50; // "VZOP"

  private final NDManager manager;
  private final float weightDecay;
  private final float clipNorm;
  private final Map<String, NDArray[]> moments = new TreeMap<>();
  private long steps;

  /**
   * @param manager     owned by this optimizer; holds the moments
   * @param weightDecay decoupled weight decay
   * @param clipNorm    largest global gradient norm ({@code <= 0}: no clipping)
   */
  public SaveableAdamW(NDManager manager, float weightDecay, float clipNorm) {
    this.manager = manager;
    this.weightDecay = weightDecay;
    this.clipNorm = clipNorm;
  }

  /** Global L2 norm of the gradients of the named parameters. */
  public static double gradientNorm(Function<String, NDArray> parameters, List<String> names) {
    double squared = 0;
    for (String name : names) {
      NDArray w = parameters.apply(name);
      if (w.hasGradient()) {
        try (NDArray g = w.getGradient(); NDArray sq = g.square(); NDArray sum = sq.sum()) {
          squared += sum.getFloat();
        }
      }
    }
    return Math.sqrt(squared);
  }

  /** One update of the named parameters whose gradients have global norm {@code norm}. */
  public void step(Function<String, NDArray> parameters, List<String> names, float lr, double norm) {
    if (!Double.isFinite(norm)) {
      throw new IllegalArgumentException("refusing an update with gradient norm " + norm);
    }
    steps++;
    float scale = clipNorm > 0 && norm > clipNorm ? (float) (clipNorm / norm) : 1f;
    float correction1 = 1f - (float) Math.pow(BETA1, steps);
    float correction2 = 1f - (float) Math.pow(BETA2, steps);
    for (String name : names) {
      NDArray w = parameters.apply(name);
      if (!w.hasGradient()) {
        continue;
      }
      NDArray[] m = moments.computeIfAbsent(name, k -> new NDArray[] {
          manager.zeros(w.getShape(), w.getDataType()), manager.zeros(w.getShape(), w.getDataType())});
      try (NDManager tmp = manager.newSubManager()) {
        NDArray gradient = w.getGradient();
        gradient.attach(tmp);
        NDArray g = gradient.mul(scale);
        g.attach(tmp);
        m[0].muli(BETA1).addi(g.mul(1f - BETA1));
        m[1].muli(BETA2).addi(g.square().muli(1f - BETA2));
        NDArray mHat = g.zerosLike().add(m[0]).div(correction1);
        NDArray vHat = g.zerosLike().add(m[1]).div(correction2);
        NDArray update = mHat.div(vHat.sqrt().add(EPSILON));
        if (weightDecay > 0) {
          update = update.add(g.zerosLike().add(w).muli(weightDecay));
        }
        // Update through a detached view: PyTorch's grad mode is per thread and on by default in threads the
        // engine did not start, where an in-place change of a leaf that requires grad would be refused.
        NDArray storage = w.stopGradient();
        storage.attach(tmp);
        storage.subi(update.muli(lr * ParameterSet.learningRateScale(name)));
      }
    }
  }

  public long steps() {
    return steps;
  }

  /** Step count and moments, names in sorted order: deterministic bytes. */
  public byte[] save() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeLong(steps);
      out.writeInt(moments.size());
      for (Map.Entry<String, NDArray[]> e : moments.entrySet()) {
        out.writeUTF(e.getKey());
        long[] shape = e.getValue()[0].getShape().getShape();
        out.writeInt(shape.length);
        for (long d : shape) {
          out.writeLong(d);
        }
        for (NDArray moment : e.getValue()) {
          float[] values = moment.toFloatArray();
          out.writeInt(values.length);
          for (float v : values) {
            out.writeFloat(v);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Replaces the state with one from {@link #save}. */
  public void load(byte[] state) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(state))) {
      if (in.readInt() != MAGIC) {
        throw new IllegalArgumentException("not an optimizer state section");
      }
      long savedSteps = in.readLong();
      int count = in.readInt();
      Map<String, NDArray[]> loaded = new TreeMap<>();
      for (int i = 0; i < count; i++) {
        String name = in.readUTF();
        long[] shape = new long[in.readInt()];
        for (int d = 0; d < shape.length; d++) {
          shape[d] = in.readLong();
        }
        NDArray[] pair = new NDArray[2];
        for (int k = 0; k < 2; k++) {
          float[] values = new float[in.readInt()];
          for (int j = 0; j < values.length; j++) {
            values[j] = in.readFloat();
          }
          pair[k] = manager.create(values, new ai.djl.ndarray.types.Shape(shape));
        }
        loaded.put(name, pair);
      }
      moments.values().forEach(pair -> {
        pair[0].close();
        pair[1].close();
      });
      moments.clear();
      moments.putAll(loaded);
      steps = savedSteps;
    } catch (EOFException e) {
      throw new IllegalArgumentException("optimizer state section is truncated", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    manager.close();
  }
}
