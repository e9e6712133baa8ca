package org.visionzero.ops.progress;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.visionzero.events.TrainingStepCompleted;

/** Formats the one-line progress report of {@code vz run} from two consecutive samples. */
public final class ProgressLine {

  private static final double MILLIS_PER_SECOND = 1000.0;

  private ProgressLine() {
  }

  /** The line without a time limit. */
  public static String format(ProgressSample previous, ProgressSample now) {
    return format(previous, now, Optional.empty());
  }

  /**
   * "00:01:48  self-play 21.4 games/s  v33  step 135 decision  acc 0.953  N/A 0.000  spy-win 0.000  lag 32  eval
   * 198  2m12s left": rates between the two samples, the rest from the newer one.
   */
  public static String format(ProgressSample previous, ProgressSample now, Optional<Duration> deadline) {
    double seconds = Math.max(1e-3, (now.elapsed().toMillis() - previous.elapsed().toMillis()) / MILLIS_PER_SECOND);
    double gamesPerSecond = (now.gamesCompleted() - previous.gamesCompleted()) / seconds;
    double turnsPerSecond = (now.turnsAnswered() - previous.turnsAnswered()) / seconds;
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
        "%s  self-play %.1f games/s  %.0f turns/s  v%d", clock(now), gamesPerSecond, turnsPerSecond,
        now.policyVersion()));
    if (now.lastStep().isPresent()) {
      TrainingStepCompleted step = now.lastStep().get();
      line.append(String.format(Locale.ROOT, "  step %d %s  acc %.3f  N/A %.3f  spy-win %.3f", step.getStep(),
          step.getPhase().name().toLowerCase(Locale.ROOT), step.getDecisionAccuracy(), step.getNaRate(),
          step.getSpyWinRate()));
    } else {
      line.append("  step -");
    }
    line.append(String.format(Locale.ROOT, "  lag %d  eval %d", now.lag(), now.evaluationGames()));
    deadline.ifPresent(end -> line.append("  ").append(ConsoleProgress.time(end.minus(now.elapsed()))).append(" left"));
    return line.toString();
  }

  private static String clock(ProgressSample sample) {
    long s = sample.elapsed().toSeconds();
    return String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
  }
}
