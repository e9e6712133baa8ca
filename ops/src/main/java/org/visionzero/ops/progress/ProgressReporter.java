package org.visionzero.ops.progress;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.visionzero.ops.threads.DaemonTimers;

/**
 * Samples the run every second on its own thread and shows the progress line ({@link ConsoleProgress}: redrawn
 * in place on a terminal, a line at most every so often in a log) until closed.
 */
public final class ProgressReporter implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ProgressReporter.class);

  private final ScheduledExecutorService timer;
  private final Supplier<ProgressSample> sampler;
  private static final Duration SAMPLE_EVERY = Duration.ofSeconds(1);
  /** Rates are measured over this window, so a line shows a steady figure rather than one second's noise. */
  private static final Duration RATE_WINDOW = Duration.ofSeconds(10);

  private final ConsoleProgress console;
  private final Optional<Duration> deadline;
  private final Deque<ProgressSample> window = new ArrayDeque<>();

  private ProgressReporter(Supplier<ProgressSample> sampler, ConsoleProgress console, Optional<Duration> deadline) {
    this.sampler = sampler;
    this.console = console;
    this.deadline = deadline;
    this.timer = DaemonTimers.named("vz-progress");
  }

  /**
   * @param deadline when self-play ends, counted like the samples' elapsed time; empty: no time limit
   */
  public static ProgressReporter start(Supplier<ProgressSample> sampler, ConsoleProgress console,
      Optional<Duration> deadline) {
    ProgressReporter reporter = new ProgressReporter(sampler, console, deadline);
    reporter.window.add(sampler.get());
    reporter.timer.scheduleAtFixedRate(reporter::tick, SAMPLE_EVERY.toMillis(), SAMPLE_EVERY.toMillis(),
        TimeUnit.MILLISECONDS);
    return reporter;
  }

  private void tick() {
    try {
      ProgressSample now = sampler.get();
      while (window.size() > 1 && now.elapsed().minus(window.peekFirst().elapsed()).compareTo(RATE_WINDOW) > 0) {
        window.removeFirst();
      }
      console.update(ProgressLine.format(window.peekFirst(), now, deadline));
      window.addLast(now);
    } catch (RuntimeException e) {
      LOG.warn("progress sample failed: {}", e.toString());
    }
  }

  @Override
  public void close() throws InterruptedException {
    timer.shutdownNow();
    timer.awaitTermination(5, TimeUnit.SECONDS);
  }
}
