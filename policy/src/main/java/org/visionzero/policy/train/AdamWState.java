package org.visionzero.policy.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.visionzero.policy.model.ParameterSet;

/**
 * What {@link AdamW} remembers between steps: the step count and the moment estimates. The moments of the parameters
 * a step updates are two flat vectors (one engine operation serves them all); those of parameters named in an earlier
 * step but not in this one (the part another Iterative-SPO phase trains) are parked per parameter and come back when
 * that parameter does. {@link #save} writes the state as deterministic bytes, per parameter in name order, so a
 * resumed run continues exactly; {@link #load} reads them back.
 */
final class AdamWState implements AutoCloseable {
  private static final int MAGIC = 0x565A4F50; // "VZOP"

  private final NDManager manager;
  private long steps;
  /** Parameter names in the order of the flat moments (empty before the first step and after a load). */
  private List<String> layout = List.of();
  private NDArray first;
  private NDArray second;
  /** Per element of the flat moments, how many times the learning rate it learns at; null when 1 everywhere. */
  private NDArray rateScales;
  private final Map<String, NDArray[]> parked = new TreeMap<>();
  /** Shape of every parameter with moments, for the saved bytes. */
  private final Map<String, Shape> shapes = new HashMap<>();

  /** @param manager owned by this state; holds the moments */
  AdamWState(NDManager manager) {
    this.manager = manager;
  }

  long steps() {
    return steps;
  }

  void countStep() {
    steps++;
  }

  NDArray first() {
    return first;
  }

  NDArray second() {
    return second;
  }

  /** See {@link #rateScales}. */
  NDArray rateScales() {
    return rateScales;
  }

  /**
   * Lays the flat moments out over {@code present}: kept values move to their new place, parameters of the old
   * layout that are not present are parked, parked ones come back, and new ones start at zero.
   */
  void follow(ParameterSet parameters, List<String> present, NDManager tmp) {
    if (present.equals(layout) && first != null) {
      return;
    }
    parkLayout(tmp);
    NDList firsts = new NDList(present.size());
    NDList seconds = new NDList(present.size());
    for (String name : present) {
      NDArray w = parameters.get(name);
      NDArray[] kept = parked.remove(name);
      if (kept != null && kept[0].size() != w.size()) {
        throw new IllegalStateException("optimizer state of '" + name + "' has " + kept[0].size()
            + " values, the parameter " + w.size() + ": the state belongs to another architecture");
      }
      firsts.add(kept != null ? kept[0] : manager.zeros(new Shape(w.size()), w.getDataType()));
      seconds.add(kept != null ? kept[1] : manager.zeros(new Shape(w.size()), w.getDataType()));
      shapes.put(name, w.getShape());
    }
    first = flat(firsts);
    second = flat(seconds);
    firsts.forEach(a -> a.attach(tmp)); // the pieces die with the step
    seconds.forEach(a -> a.attach(tmp));
    rateScales = rateScales(present);
    layout = List.copyOf(present);
  }

  /** Split points of the flat vector of {@code names}: the running sums of their sizes, last one left out. */
  long[] offsets(List<String> names) {
    long[] at = new long[names.size() - 1];
    long sum = 0;
    for (int i = 0; i < at.length; i++) {
      sum += shapes.get(names.get(i)).size();
      at[i] = sum;
    }
    return at;
  }

  private void parkLayout(NDManager tmp) {
    if (first == null) {
      return;
    }
    NDList firsts = split(first);
    NDList seconds = split(second);
    for (int i = 0; i < layout.size(); i++) {
      // Copies: a split piece is a view that would keep the whole old vector alive.
      parked.put(layout.get(i), new NDArray[] {firsts.get(i).duplicate(), seconds.get(i).duplicate()});
    }
    firsts.forEach(a -> a.attach(tmp));
    seconds.forEach(a -> a.attach(tmp));
    first.attach(tmp);
    second.attach(tmp);
    if (rateScales != null) {
      rateScales.attach(tmp);
    }
    first = null;
    second = null;
    rateScales = null;
    layout = List.of();
  }

  private NDList split(NDArray flat) {
    return layout.size() == 1 ? new NDList(flat) : flat.split(offsets(layout));
  }

  private static NDArray flat(NDList pieces) {
    return pieces.size() == 1 ? pieces.head().duplicate() : NDArrays.concat(pieces);
  }

  private NDArray rateScales(List<String> present) {
    if (present.stream().allMatch(n -> ParameterSet.learningRateScale(n) == 1f)) {
      return null;
    }
    int total = Math.toIntExact(present.stream().mapToLong(n -> shapes.get(n).size()).sum());
    float[] scales = new float[total];
    int at = 0;
    for (String name : present) {
      int size = Math.toIntExact(shapes.get(name).size());
      java.util.Arrays.fill(scales, at, at + size, ParameterSet.learningRateScale(name));
      at += size;
    }
    return manager.create(scales);
  }

  /** Step count and moments, parameters in name order: deterministic bytes. */
  byte[] save() {
    Map<String, float[][]> moments = new TreeMap<>();
    parked.forEach((name, pair) -> moments.put(name, new float[][] {pair[0].toFloatArray(), pair[1].toFloatArray()}));
    if (first != null) {
      float[] firstValues = first.toFloatArray();
      float[] secondValues = second.toFloatArray();
      int at = 0;
      for (String name : layout) {
        int size = Math.toIntExact(shapes.get(name).size());
        moments.put(name, new float[][] {
            java.util.Arrays.copyOfRange(firstValues, at, at + size),
            java.util.Arrays.copyOfRange(secondValues, at, at + size)});
        at += size;
      }
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeLong(steps);
      out.writeInt(moments.size());
      for (Map.Entry<String, float[][]> e : moments.entrySet()) {
        out.writeUTF(e.getKey());
        long[] shape = shapes.get(e.getKey()).getShape();
        out.writeInt(shape.length);
        for (long d : shape) {
          out.writeLong(d);
        }
        for (float[] values : e.getValue()) {
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

  /** Replaces the state with one from {@link #save}; every moment is parked until its parameter is updated. */
  void load(byte[] state) {
    long savedSteps;
    Map<String, NDArray[]> loaded = new TreeMap<>();
    Map<String, Shape> loadedShapes = new HashMap<>();
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(state))) {
      if (in.readInt() != MAGIC) {
        throw new IllegalArgumentException("not an optimizer state section");
      }
      savedSteps = in.readLong();
      int count = in.readInt();
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
          pair[k] = manager.create(values);
        }
        loaded.put(name, pair);
        loadedShapes.put(name, new Shape(shape));
      }
    } catch (EOFException e) {
      loaded.values().forEach(AdamWState::close);
      throw new IllegalArgumentException("optimizer state section is truncated", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    clear();
    parked.putAll(loaded);
    shapes.putAll(loadedShapes);
    steps = savedSteps;
  }

  private void clear() {
    List<NDArray> old = new ArrayList<>();
    parked.values().forEach(pair -> old.addAll(List.of(pair)));
    for (NDArray a : new NDArray[] {first, second, rateScales}) {
      if (a != null) {
        old.add(a);
      }
    }
    old.forEach(NDArray::close);
    parked.clear();
    shapes.clear();
    first = null;
    second = null;
    rateScales = null;
    layout = List.of();
  }

  private static void close(NDArray[] pair) {
    pair[0].close();
    pair[1].close();
  }

  @Override
  public void close() {
    manager.close();
  }
}
