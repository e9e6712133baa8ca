package org.visionzero.policy.train;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.visionzero.policy.model.ImageTensors;

/**
 * Rendered pairs, already scaled to the model's input size. A first batch is rendered before training; a
 * background thread keeps rendering fresh pairs, which grow the pool up to its maximum and then replace the
 * oldest. Training never waits for the renderer: the real scene renderer takes about as long per pair as a
 * training step takes per batch. The source must therefore be safe to call from another thread.
 */
final class ExamplePool implements AutoCloseable {
  private static final int QUEUE_CAPACITY = 64;
  private final CaptionExampleSource source;
  private final int imageSize;
  private final int maxSize;
  private final List<CaptionExample> pairs;
  private final BlockingQueue<CaptionExample> fresh = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
  private final Thread renderer;
  private volatile RuntimeException rendererFailure;
  private int nextSlot;

  ExamplePool(CaptionExampleSource source, int imageSize, int initialSize, int maxSize, long firstSeed) {
    if (initialSize < 1 || maxSize < initialSize) {
      throw new IllegalArgumentException("pool sizes must satisfy 1 <= initial <= max, were " + initialSize
          + " and " + maxSize);
    }
    this.source = source;
    this.imageSize = imageSize;
    this.maxSize = maxSize;
    this.pairs = new ArrayList<>(maxSize);
    for (int i = 0; i < initialSize; i++) {
      pairs.add(render(firstSeed + i));
    }
    long backgroundSeed = firstSeed + initialSize;
    renderer = new Thread(() -> renderForever(backgroundSeed), "vz-pretrain-renderer");
    renderer.setDaemon(true);
    renderer.start();
  }

  private void renderForever(long firstSeed) {
    long seed = firstSeed;
    try {
      while (!Thread.currentThread().isInterrupted()) {
        fresh.put(render(seed++));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      rendererFailure = e;
    }
  }

  private CaptionExample render(long seed) {
    CaptionExample pair = source.next(seed);
    return new CaptionExample(ImageTensors.scale(pair.original(), imageSize),
        ImageTensors.scale(pair.modified(), imageSize), pair.facts());
  }

  /** Takes up to {@code count} freshly rendered pairs, without waiting; a renderer failure surfaces here. */
  void refresh(int count) {
    if (rendererFailure != null) {
      throw new IllegalStateException("the pair source failed: " + rendererFailure.getMessage(), rendererFailure);
    }
    for (int i = 0; i < count; i++) {
      CaptionExample pair = fresh.poll();
      if (pair == null) {
        return;
      }
      if (pairs.size() < maxSize) {
        pairs.add(pair);
      } else {
        pairs.set(nextSlot, pair);
        nextSlot = (nextSlot + 1) % maxSize;
      }
    }
  }

  CaptionExample get(int index) {
    return pairs.get(index);
  }

  int size() {
    return pairs.size();
  }

  @Override
  public void close() {
    renderer.interrupt();
  }
}
