package org.visionzero.ops.progress;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.visionzero.ops.eval.VersionResult;

/** The final evaluation's progress line: share of its games played, decision accuracy so far, time left. */
public final class FinalEvaluationLine {
  private FinalEvaluationLine() {}

  public static String format(int version, double done, Optional<VersionResult> partial, Duration left) {
    String accuracy = partial.filter(r -> r.decisionAccuracy().trials() > 0)
        .map(r -> String.format(Locale.ROOT, "decision accuracy %.3f (no image %.3f)", r.decisionAccuracy().rate(),
            r.noImageAccuracy().rate()))
        .orElse("decision accuracy -");
    return String.format(Locale.ROOT, "final evaluation of v%d %s  %s  %s left", version, ConsoleProgress.bar(done),
        accuracy, ConsoleProgress.time(left));
  }
}
