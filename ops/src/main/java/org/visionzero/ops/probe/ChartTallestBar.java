package org.visionzero.ops.probe;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import org.visionzero.policy.model.ImageTensors;
import org.visionzero.producers.charts.ChartGenerator;
import org.visionzero.producers.charts.ChartKind;
import org.visionzero.producers.charts.ChartPalette;
import org.visionzero.producers.charts.ChartSeries;
import org.visionzero.producers.charts.ChartSpec;

/**
 * "Which bar is tallest?" on a bar chart, answered by colour: four candidate answers "highest red bar", "highest
 * blue bar", ... for the tallest bar and three others. Only charts whose tallest bar and at least three others
 * have a colour the vocabulary can name are asked about (orange, pink and olive bars it cannot).
 */
final class ChartTallestBar implements ProbeTask {

  static final int CANDIDATES = 4;
  private final ChartGenerator generator =
      new ChartGenerator(ChartGenerator.DEFAULT_SIZE, ChartGenerator.DEFAULT_SIZE);
  private final Predicate<String> nameable;

  /** @param nameable whether the vocabulary has a word */
  ChartTallestBar(Predicate<String> nameable) {
    this.nameable = nameable;
  }

  @Override
  public String name() {
    return "tallest-bar";
  }

  @Override
  public String source() {
    return "charts";
  }

  @Override
  public String question() {
    return "which bar is tallest? (4 answers worded 'highest <colour> bar')";
  }

  @Override
  public int choices() {
    return CANDIDATES;
  }

  @Override
  public ProbeItem item(long seed, int imageSize) {
    for (long s = seed; s < ProbeSeedRange.choiceSeed(seed); s++) {
      ChartSpec spec = ChartGenerator.spec(s);
      if (spec.kind() != ChartKind.BAR) {
        continue;
      }
      List<ChartSeries> bars = new ArrayList<>(spec.series());
      bars.sort(Comparator.comparingDouble((ChartSeries bar) -> bar.values().get(0)).reversed());
      List<String> names = bars.stream().map(bar -> ChartPalette.name(bar.colour()).orElse("")).toList();
      List<String> others = new ArrayList<>(names.subList(1, names.size()).stream().filter(nameable).toList());
      if (!nameable.test(names.get(0)) || others.size() < CANDIDATES - 1) {
        continue;
      }
      // A java.util.Random, because Collections.shuffle takes one.
      Random random = new Random(ProbeSeedRange.choiceSeed(seed));
      Collections.shuffle(others, random);
      List<String> candidates = new ArrayList<>(others.subList(0, CANDIDATES - 1));
      int answer = random.nextInt(CANDIDATES);
      candidates.add(answer, names.get(0));
      BufferedImage image = ImageTensors.scale(generator.draw(spec), imageSize);
      return new ProbeItem(seed, candidates.stream()
          .map(colour -> new ProbeChoice(image, List.of("highest", colour, "bar"))).toList(), answer);
    }
    throw new IllegalStateException("no bar chart with 4 nameable bar colours among the seeds of item " + seed);
  }
}
