package org.visionzero.policy.train;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/** A one-line progress bar on a terminal, redrawn at most every {@code minIntervalMillis}. */
public final class ConsoleProgressBar implements ProgressListener {
  private static final int WIDTH = 30;
  private final PrintStream out;
  private final long minIntervalMillis;
  private long lastDrawn = -1;

  public ConsoleProgressBar(PrintStream out, long minIntervalMillis) {
    this.out = out;
    this.minIntervalMillis = minIntervalMillis;
  }

  @Override
  public void onProgress(double done, long step, double loss, Duration elapsed) {
    long now = elapsed.toMillis();
    boolean finished = done >= 1.0;
    if (!finished && lastDrawn >= 0 && now - lastDrawn < minIntervalMillis) {
      return;
    }
    lastDrawn = now;
    int filled = (int) Math.round(Math.min(1.0, done) * WIDTH);
    String bar = "#".repeat(filled) + "-".repeat(WIDTH - filled);
    out.printf(Locale.ROOT, "\r[%s] %3.0f%% step %d loss %.4f %ds", bar, 100 * Math.min(1.0, done), step, loss,
        elapsed.toSeconds());
    if (finished) {
      out.println();
    }
    out.flush();
  }
}
