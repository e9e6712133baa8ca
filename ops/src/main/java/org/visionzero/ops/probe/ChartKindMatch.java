package org.visionzero.ops.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.visionzero.policy.model.ImageTensors;
import org.visionzero.producers.charts.ChartGenerator;
import org.visionzero.producers.charts.ChartSpec;

/**
 * Caption–image matching on charts: four charts, exactly one of them of the kind the caption names ("bar chart",
 * "line chart", "pie chart"); the model picks the chart it finds the caption most likely for. The shipped v0
 * never saw a chart, so this measures transfer from scenes.
 */
final class ChartKindMatch implements ProbeTask {

  static final int IMAGES = 4;
  private final ChartGenerator generator =
      new ChartGenerator(ChartGenerator.DEFAULT_SIZE, ChartGenerator.DEFAULT_SIZE);

  @Override
  public String name() {
    return "caption-match";
  }

  @Override
  public String source() {
    return "charts";
  }

  @Override
  public String question() {
    return "which of 4 charts is a bar (line, pie) chart? (caption: 'bar chart'; the other three are of other "
        + "kinds)";
  }

  @Override
  public int choices() {
    return IMAGES;
  }

  @Override
  public ProbeItem item(long seed, int imageSize) {
    int answer = new SplittableRandom(ProbeSeedRange.choiceSeed(seed)).nextInt(IMAGES);
    ChartSpec target = ChartGenerator.spec(seed);
    List<ChartSpec> others = new ArrayList<>(IMAGES - 1);
    for (long s = seed + 1; others.size() < IMAGES - 1; s++) {
      if (s >= ProbeSeedRange.choiceSeed(seed)) {
        throw new IllegalStateException("no 3 charts of other kinds among the seeds of item " + seed);
      }
      ChartSpec spec = ChartGenerator.spec(s);
      if (spec.kind() != target.kind()) {
        others.add(spec);
      }
    }
    List<ChartSpec> shown = new ArrayList<>(others);
    shown.add(answer, target);
    List<String> caption = List.of(target.kind().word(), "chart");
    return new ProbeItem(seed, shown.stream()
        .map(spec -> new ProbeChoice(ImageTensors.scale(generator.draw(spec), imageSize), caption)).toList(), answer);
  }
}
