package org.visionzero.producers.charts;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Random chart data (kind, labels, values, colours) and a random swap of two attributes, from a seed. */
final class ChartDataGenerator {

  private static final String[][] THEMES = {
      {"Fruit sold", "apples", "pears", "plums", "figs", "limes", "kiwis", "mangos", "grapes"},
      {"Visitors", "Paris", "Rome", "Oslo", "Lima", "Kyoto", "Cairo", "Quito", "Dakar"},
      {"Energy mix", "solar", "wind", "hydro", "gas", "coal", "nuclear", "biomass", "tidal"},
      {"Pets", "cats", "dogs", "fish", "birds", "mice", "frogs", "snakes", "horses"},
  };
  private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul"};
  private static final int MIN_BARS = 4;
  private static final int MAX_BARS = 6;
  private static final int MIN_LINES = 2;
  private static final int MAX_LINES = 3;
  private static final int LINE_POINTS = 5;
  /** Values are multiples of this step in [STEP, MAX_STEPS·STEP]: swapped values always differ visibly. */
  private static final int VALUE_STEP = 5;
  private static final int MAX_STEPS = 20;
  private static final int LINE_MAX_MOVE = 4;

  private ChartDataGenerator() {
  }

  static ChartSpec spec(Random random) {
    ChartKind kind = ChartKind.values()[random.nextInt(ChartKind.values().length)];
    String[] theme = THEMES[random.nextInt(THEMES.length)];
    boolean line = kind == ChartKind.LINE;
    int count = line ? between(random, MIN_LINES, MAX_LINES) : between(random, MIN_BARS, MAX_BARS);
    List<String> labels = sample(random, List.of(theme).subList(1, theme.length), count);
    List<Color> colours = sample(random, ChartPalette.colours(), count);
    List<String> categories = line ? List.of(MONTHS).subList(0, LINE_POINTS) : List.of("");
    List<Integer> steps = sample(random, range(1, MAX_STEPS), count);
    List<ChartSeries> series = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      List<Double> values = line ? walk(random, steps.get(i)) : List.of((double) steps.get(i) * VALUE_STEP);
      series.add(new ChartSeries(labels.get(i), colours.get(i), values));
    }
    return new ChartSpec(kind, theme[0], categories, series);
  }

  static ChartSwap swap(Random random, ChartSpec spec) {
    ChartSwap.Attribute attribute = ChartSwap.Attribute.values()[random.nextInt(ChartSwap.Attribute.values().length)];
    int count = spec.series().size();
    if (attribute == ChartSwap.Attribute.VALUES && spec.kind() == ChartKind.LINE) {
      return swapPointsOfOneLine(random, spec);
    }
    int a = random.nextInt(count);
    int b = (a + 1 + random.nextInt(count - 1)) % count;
    return new ChartSwap(attribute, Math.min(a, b), 0, Math.max(a, b), 0);
  }

  /** Two points of one line with different values (a random walk always has some). */
  private static ChartSwap swapPointsOfOneLine(Random random, ChartSpec spec) {
    int s = random.nextInt(spec.series().size());
    List<Double> values = spec.series().get(s).values();
    List<int[]> candidates = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      for (int j = i + 1; j < values.size(); j++) {
        if (!values.get(i).equals(values.get(j))) {
          candidates.add(new int[] {i, j});
        }
      }
    }
    int[] chosen = candidates.get(random.nextInt(candidates.size()));
    return new ChartSwap(ChartSwap.Attribute.VALUES, s, chosen[0], s, chosen[1]);
  }

  /** A line that starts at the given step and moves up or down by at least one step, so neighbours differ. */
  private static List<Double> walk(Random random, int startStep) {
    List<Double> values = new ArrayList<>(LINE_POINTS);
    int step = startStep;
    for (int i = 0; i < LINE_POINTS; i++) {
      values.add((double) step * VALUE_STEP);
      int move = 1 + random.nextInt(LINE_MAX_MOVE);
      step = random.nextBoolean() && step + move <= MAX_STEPS || step - move < 1 ? step + move : step - move;
    }
    return values;
  }

  private static <T> List<T> sample(Random random, List<T> from, int count) {
    List<T> copy = new ArrayList<>(from);
    Collections.shuffle(copy, random);
    return List.copyOf(copy.subList(0, count));
  }

  private static List<Integer> range(int first, int last) {
    List<Integer> values = new ArrayList<>();
    for (int i = first; i <= last; i++) {
      values.add(i);
    }
    return values;
  }

  private static int between(Random random, int min, int max) {
    return min + random.nextInt(max - min + 1);
  }
}
