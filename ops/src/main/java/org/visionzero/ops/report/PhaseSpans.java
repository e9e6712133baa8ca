package org.visionzero.ops.report;

import java.util.ArrayList;
import java.util.List;
import org.visionzero.events.Phase;
import org.visionzero.events.TrainingStepCompleted;

/** Consecutive steps of the same Iterative-SPO phase, for shading a chart. */
public final class PhaseSpans {

  /** Steps {@code from}..{@code to} (inclusive) were trained in {@code phase}. */
  public record Span(Phase phase, long from, long to) {
  }

  private PhaseSpans() {
  }

  public static List<Span> of(List<TrainingStepCompleted> steps) {
    List<Span> spans = new ArrayList<>();
    for (TrainingStepCompleted step : steps) {
      Span last = spans.isEmpty() ? null : spans.get(spans.size() - 1);
      if (last != null && last.phase() == step.getPhase()) {
        spans.set(spans.size() - 1, new Span(last.phase(), last.from(), step.getStep()));
      } else {
        spans.add(new Span(step.getPhase(), step.getStep(), step.getStep()));
      }
    }
    return spans;
  }
}
