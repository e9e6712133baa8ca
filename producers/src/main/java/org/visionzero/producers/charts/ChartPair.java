package org.visionzero.producers.charts;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;
import org.visionzero.events.Difference;
import org.visionzero.game.rules.SpyHints;

/** A generated chart pair: both specs and images, the swap that turns one into the other, and its differences. */
public record ChartPair(long seed, ChartSpec originalSpec, ChartSpec modifiedSpec, ChartSwap swap,
                        BufferedImage original, BufferedImage modified, List<Difference> differences) {

  /** Rules sentence for the spy's prompt. */
  public static final String SPY_HINT = SpyHints.CHARTS;

  public ChartPair {
    Objects.requireNonNull(originalSpec, "originalSpec");
    Objects.requireNonNull(modifiedSpec, "modifiedSpec");
    Objects.requireNonNull(swap, "swap");
    Objects.requireNonNull(original, "original");
    Objects.requireNonNull(modified, "modified");
    differences = List.copyOf(Objects.requireNonNull(differences, "differences"));
  }
}
