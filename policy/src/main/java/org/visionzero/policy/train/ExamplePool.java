package org.visionzero.policy.train;

import java.util.ArrayList;
import java.util.List;
import org.visionzero.policy.model.ImageTensors;

/**
 * A pool of rendered pairs, already scaled to the model's input size, of which a few are replaced by fresh
 * pairs at every step: rendering a pair costs about as much as a training step per example, so rendering
 * every example fresh would spend most of the time in Java2D.
 */
final class ExamplePool {
  private final CaptionExampleSource source;
  private final int imageSize;
  private final List<CaptionExample> pairs;
  private long nextSeed;
  private int nextSlot;

  ExamplePool(CaptionExampleSource source, int imageSize, int size, long firstSeed) {
    this.source = source;
    this.imageSize = imageSize;
    this.pairs = new ArrayList<>(size);
    this.nextSeed = firstSeed;
    for (int i = 0; i < size; i++) {
      pairs.add(render());
    }
  }

  private CaptionExample render() {
    CaptionExample pair = source.next(nextSeed++);
    return new CaptionExample(ImageTensors.scale(pair.original(), imageSize),
        ImageTensors.scale(pair.modified(), imageSize), pair.facts());
  }

  /** Replaces the {@code count} oldest pairs with fresh ones. */
  void refresh(int count) {
    for (int i = 0; i < count; i++) {
      pairs.set(nextSlot, render());
      nextSlot = (nextSlot + 1) % pairs.size();
    }
  }

  CaptionExample get(int index) {
    return pairs.get(index);
  }

  int size() {
    return pairs.size();
  }
}
