package org.visionzero.ops.scale;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.visionzero.policy.PolicyTurn;

/**
 * {@code gpus} simulated GPUs in {@code groups} equal groups, one group per worker consumer: a worker's batch of
 * turns is dealt round robin over its group's GPUs, each GPU is busy for the {@link GpuLatencyModel}'s time of
 * its share, and the worker waits for the slowest of them (it answers the batch in one transaction). Simulated
 * seconds last {@code timeScale} wall seconds. Every GPU's busy intervals are kept, so utilisation can be read
 * for any window: it counts only time a GPU was actually computing, never time it waited for the orchestration.
 *
 * <p>A worker thread is given the next free group at its first batch (a worker answers on one thread).
 */
public final class SimulatedGpus {

  private final GpuLatencyModel model;
  private final int gpus;
  private final int groups;
  private final double timeScale;
  private final Map<Thread, Integer> groupOfThread = new ConcurrentHashMap<>();
  private final List<long[]> busy = new ArrayList<>();
  /** Per call: [start, end, GPUs of the group]: when a worker was computing rather than between batches. */
  private final List<long[]> calls = new ArrayList<>();
  private long busyGpuNanosTotal;

  /**
   * @param timeScale wall seconds per simulated second (1: real time; 10: ten times slower than an H100)
   */
  public SimulatedGpus(GpuLatencyModel model, int gpus, int groups, double timeScale) {
    if (gpus < 1 || groups < 1 || groups > gpus || timeScale <= 0) {
      throw new IllegalArgumentException("need 1 <= groups <= gpus and a time scale > 0, got " + groups
          + " groups of " + gpus + " GPUs at " + timeScale);
    }
    this.model = model;
    this.gpus = gpus;
    this.groups = groups;
    this.timeScale = timeScale;
  }

  public int gpus() {
    return gpus;
  }

  public double timeScale() {
    return timeScale;
  }

  /** Runs clue turns on the calling worker's GPUs; returns when the slowest of them is done. */
  public void clues(List<PolicyTurn> turns) {
    run(turns, true, 1);
  }

  /** Runs decision turns of {@code samples} votes each on the calling worker's GPUs. */
  public void decisions(List<PolicyTurn> turns, int samples) {
    run(turns, false, samples);
  }

  private void run(List<PolicyTurn> turns, boolean clue, int samples) {
    if (turns.isEmpty()) {
      return;
    }
    int group = groupOfThread.computeIfAbsent(Thread.currentThread(), t -> {
      synchronized (groupOfThread) {
        int next = groupOfThread.size();
        if (next >= groups) {
          throw new IllegalStateException("more worker threads than the " + groups + " GPU groups");
        }
        return next;
      }
    });
    int size = groupSize(group);
    int[] count = new int[size];
    int[] longest = new int[size];
    for (int i = 0; i < turns.size(); i++) {
      int device = i % size;
      count[device]++;
      if (clue) {
        longest[device] = Math.max(longest[device], model.clueTokens(turns.get(i).view().samplingSeed()));
      }
    }
    long start = System.nanoTime();
    long[] ends = new long[size];
    long slowest = 0;
    long gpuNanos = 0;
    for (int device = 0; device < size; device++) {
      double seconds = clue ? model.clueSeconds(count[device], longest[device])
          : model.decisionSeconds(count[device], samples);
      long nanos = (long) (seconds * timeScale * 1e9);
      ends[device] = start + nanos;
      slowest = Math.max(slowest, nanos);
      gpuNanos += nanos;
    }
    synchronized (busy) {
      busy.add(withStart(start, ends, count));
      calls.add(new long[] {start, start + slowest, size});
      busyGpuNanosTotal += gpuNanos;
    }
    sleepUntil(start + slowest);
  }

  /** The busy intervals of one call: [start, end of device 0, end of device 1, …] (devices with no turn left out). */
  private static long[] withStart(long start, long[] ends, int[] count) {
    long[] interval = new long[1 + ends.length];
    interval[0] = start;
    for (int i = 0; i < ends.length; i++) {
      interval[1 + i] = count[i] == 0 ? start : ends[i];
    }
    return interval;
  }

  private int groupSize(int group) {
    return gpus / groups + (group < gpus % groups ? 1 : 0);
  }

  private static void sleepUntil(long deadline) {
    long left = deadline - System.nanoTime();
    while (left > 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(left);
      } catch (InterruptedException e) {
        // the worker is stopping: its batch is abandoned anyway (it is answered again after the restart)
        Thread.currentThread().interrupt();
        return;
      }
      left = deadline - System.nanoTime();
    }
  }

  /** Busy GPU time within [from, to] (System.nanoTime values) over all GPUs' time in it. */
  public double utilisation(long from, long to) {
    return shareOfGpuTime(from, to, busy, call -> {
      double busyNanos = 0;
      long start = Math.max(call[0], from);
      for (int i = 1; i < call.length; i++) {
        long end = Math.min(call[i], to);
        if (end > start) {
          busyNanos += end - start;
        }
      }
      return busyNanos;
    });
  }

  /**
   * The share of the GPUs' time within [from, to] during which their worker was in a batch (computing or waiting
   * for the slowest GPU of it); the rest the worker spent between batches (committing, polling, waiting for turns).
   * Minus {@link #utilisation} it is the time GPUs sat in a batch with no turn of it, or done before its slowest GPU.
   */
  public double inBatchShare(long from, long to) {
    return shareOfGpuTime(from, to, calls, call -> {
      long overlap = Math.min(call[1], to) - Math.max(call[0], from);
      return overlap > 0 ? (double) overlap * call[2] : 0;
    });
  }

  /** The GPU time {@code gpuNanos} counts in each record within [from, to], over all GPUs' time in it. */
  private double shareOfGpuTime(long from, long to, List<long[]> records, ToDoubleFunction<long[]> gpuNanos) {
    if (to <= from) {
      return 0;
    }
    double total = 0;
    synchronized (busy) { // guards both lists
      for (long[] record : records) {
        total += gpuNanos.applyAsDouble(record);
      }
    }
    return total / ((double) gpus * (to - from));
  }

  /** GPU-seconds of simulated work done so far (all GPUs). */
  public double busySimulatedSeconds() {
    synchronized (busy) {
      return busyGpuNanosTotal / 1e9 / timeScale;
    }
  }
}
