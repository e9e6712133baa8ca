package org.visionzero.producers.publish;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Objects;

/** A one-line text progress bar, redrawn at most every {@value #REDRAW_NANOS} ns: "[#####-----] 50/100 …". */
public final class ConsoleProgressBar implements ProgressListener {

  private static final long REDRAW_NANOS = 200_000_000L;
  private static final int BAR_WIDTH = 30;

  private final PrintStream out;
  private long lastDraw = Long.MIN_VALUE;

  public ConsoleProgressBar(PrintStream out) {
    this.out = Objects.requireNonNull(out, "out");
  }

  @Override
  public void onProgress(Progress progress) {
    long now = System.nanoTime();
    if (lastDraw != Long.MIN_VALUE && now - lastDraw < REDRAW_NANOS) {
      return;
    }
    lastDraw = now;
    out.print("\r" + line(progress));
    out.flush();
  }

  @Override
  public void onFinished(Progress progress) {
    out.println("\r" + line(progress));
  }

  /** The text of the bar for a progress. */
  static String line(Progress progress) {
    double share = progress.total() == 0 ? 1 : Math.min(1, progress.done() / (double) progress.total());
    int filled = (int) Math.round(share * BAR_WIDTH);
    return String.format(Locale.ROOT, "[%s%s] %d/%d pairs  %.1f pairs/s  %d dead letters",
        "#".repeat(filled), "-".repeat(BAR_WIDTH - filled), progress.done(), progress.total(),
        progress.pairsPerSecond(), progress.deadLettered());
  }
}
