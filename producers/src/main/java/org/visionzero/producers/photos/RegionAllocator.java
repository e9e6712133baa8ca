package org.visionzero.producers.photos;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/** Hands out rectangles that keep a gap from each other and a one-pixel border from the image edge. */
final class RegionAllocator {

  private static final int GAP = 3;
  private static final int BORDER = 1;
  private static final int TRIES = 100;

  private final int width;
  private final int height;
  private final Random random;
  private final List<Rectangle> taken = new ArrayList<>();

  RegionAllocator(int width, int height, Random random) {
    this.width = width;
    this.height = height;
    this.random = random;
  }

  /** A free rectangle of the given size, or empty when none was found. */
  Optional<Rectangle> allocate(int w, int h) {
    int maxX = width - BORDER - w;
    int maxY = height - BORDER - h;
    if (maxX < BORDER || maxY < BORDER) {
      return Optional.empty();
    }
    for (int attempt = 0; attempt < TRIES; attempt++) {
      Rectangle candidate = new Rectangle(BORDER + random.nextInt(maxX - BORDER + 1),
          BORDER + random.nextInt(maxY - BORDER + 1), w, h);
      Rectangle grown = new Rectangle(candidate.x - GAP, candidate.y - GAP, w + 2 * GAP, h + 2 * GAP);
      if (taken.stream().noneMatch(grown::intersects)) {
        taken.add(candidate);
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** Forgets the last allocation (an edit that needed two regions got only one). */
  void release(Rectangle region) {
    taken.remove(region);
  }
}
