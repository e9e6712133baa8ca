package org.visionzero.ops.probe;

import java.util.ArrayList;
import java.util.List;
import org.visionzero.policy.model.ImageTensors;
import org.visionzero.producers.charts.ChartGenerator;
import org.visionzero.producers.charts.ChartSpec;

/**
 * Caption–image matching on charts: four charts, exactly one of them of the kind the caption names ("bar chart",
 * "line chart", "pie chart"); the model picks the chart it finds the caption most likely for. The shipped v0
 * never saw a chart, so this measures transfer from scenes.
 */
final class ChartKindMatch extends CaptionMatch {

  private final ChartGenerator generator =
      new ChartGenerator(ChartGenerator.DEFAULT_SIZE, ChartGenerator.DEFAULT_SIZE);

  ChartKindMatch() {
    super("caption-match", "charts", "which of 4 charts is a bar (line, pie) chart? (caption: 'bar chart'; the "
        + "other three are of other kinds)");
  }

  @Override
  List<Picture> pictures(long seed, int imageSize, int answer) {
    ChartSpec target = ChartGenerator.spec(seed);
    List<ChartSpec> shown = new ArrayList<>(IMAGES);
    drawUntil(seed, seed + 1, () -> shown.size() == IMAGES - 1, s -> {
      ChartSpec spec = ChartGenerator.spec(s);
      if (spec.kind() != target.kind()) {
        shown.add(spec);
      }
    }, "3 charts of other kinds");
    shown.add(answer, target);
    return shown.stream().map(spec -> new Picture(ImageTensors.scale(generator.draw(spec), imageSize),
        List.of(spec.kind().word(), "chart"))).toList();
  }
}
