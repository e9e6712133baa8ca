package org.visionzero.ops.progress;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The one progress display of vz. On a terminal, a single line redrawn in place (at most every
 * {@code redrawEvery}); anywhere else (a log file, a pipe, CI) a plain line at most every {@code logEvery}, so
 * that a long run's log stays short. {@link #finish} always prints and ends the line. Thread-safe.
 */
public final class ConsoleProgress {
  /** Erases the rest of a terminal line after a shorter redraw. */
  private static final String CLEAR_TO_END = "\u001b[K";
  private static final int BAR_WIDTH = 20;
  private static final Duration REDRAW = Duration.ofMillis(250);
  /** How often a progress line is written to a log (not a terminal). */
  public static final Duration LOG_EVERY = Duration.ofSeconds(15);
  /** {@code VZ_PROGRESS=log} forces plain lines, {@code VZ_PROGRESS=terminal} in-place redraws. */
  public static final String MODE_VARIABLE = "VZ_PROGRESS";

  private final PrintStream out;
  private final Consumer<String> lines;
  private final boolean terminal;
  private final long everyNanos;
  private final LongSupplier nanoClock;
  private long lastPrinted = Long.MIN_VALUE;
  private boolean lineOpen;

  ConsoleProgress(PrintStream out, boolean terminal, Duration logEvery, LongSupplier nanoClock) {
    this(out, out::println, terminal, logEvery, nanoClock);
  }

  private ConsoleProgress(PrintStream out, Consumer<String> lines, boolean terminal, Duration logEvery,
      LongSupplier nanoClock) {
    this.out = Objects.requireNonNull(out, "out");
    this.lines = Objects.requireNonNull(lines, "lines");
    this.terminal = terminal;
    this.everyNanos = (terminal ? REDRAW : logEvery).toNanos();
    this.nanoClock = nanoClock;
  }

  /** Progress on standard error; a plain line at most every {@code logEvery} when that is not a terminal. */
  public static ConsoleProgress onStderr(Duration logEvery) {
    return new ConsoleProgress(System.err, isTerminal(), logEvery, System::nanoTime);
  }

  /**
   * Redrawn in place on standard error when that is a terminal; otherwise each line (at most one every
   * {@code logEvery}) goes to {@code lines}, where the caller's other messages go.
   */
  public static ConsoleProgress onTerminalOr(Consumer<String> lines, Duration logEvery) {
    return new ConsoleProgress(System.err, lines, isTerminal(), logEvery, System::nanoTime);
  }

  private static boolean isTerminal() {
    String mode = System.getenv(MODE_VARIABLE);
    return mode == null ? System.console() != null : mode.equalsIgnoreCase("terminal");
  }

  /** Shows a line, unless one was shown too recently. */
  public synchronized void update(String line) {
    long now = nanoClock.getAsLong();
    if (lastPrinted != Long.MIN_VALUE && now - lastPrinted < everyNanos) {
      return;
    }
    lastPrinted = now;
    if (terminal) {
      out.print("\r" + line + CLEAR_TO_END);
      lineOpen = true;
      out.flush();
    } else {
      lines.accept(line);
    }
  }

  /** Shows a last line whatever the time, and ends it. */
  public synchronized void finish(String line) {
    if (terminal) {
      out.println("\r" + line + CLEAR_TO_END);
      out.flush();
    } else {
      lines.accept(line);
    }
    lineOpen = false;
    lastPrinted = Long.MIN_VALUE;
  }

  /** A message of its own line, which does not overwrite the progress line. */
  public synchronized void message(String line) {
    if (!terminal) {
      lines.accept(line);
      return;
    }
    if (lineOpen) {
      out.println();
      lineOpen = false;
    }
    out.println(line);
    out.flush();
  }

  /** "[#########-----------]  45%". */
  public static String bar(double share) {
    double clamped = Double.isFinite(share) ? Math.max(0, Math.min(1, share)) : 0;
    int filled = (int) Math.round(clamped * BAR_WIDTH);
    return String.format(Locale.ROOT, "[%s%s] %3.0f%%", "#".repeat(filled), "-".repeat(BAR_WIDTH - filled),
        100 * clamped);
  }

  /** Time left of a task {@code done} (0..1) of the way through after {@code elapsed}: "?" before any progress. */
  public static String left(double done, Duration elapsed) {
    if (!(done > 0)) {
      return "?";
    }
    return time(Duration.ofMillis((long) (elapsed.toMillis() * (1 - Math.min(1, done)) / done)));
  }

  /** "1h02m", "4m05s", "12s". */
  public static String time(Duration duration) {
    long s = Math.max(0, duration.toSeconds());
    if (s >= 3600) {
      return String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60);
    }
    return s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
  }
}
