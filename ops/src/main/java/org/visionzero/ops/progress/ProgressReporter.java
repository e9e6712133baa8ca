package org.visionzero.ops.progress;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Prints a progress line at a fixed interval on its own thread until closed. */
public final class ProgressReporter implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ProgressReporter.class);

  private final ScheduledExecutorService timer;
  private final Supplier<ProgressSample> sampler;
  private final Consumer<String> out;
  private ProgressSample previous;

  private ProgressReporter(Supplier<ProgressSample> sampler, Consumer<String> out) {
    this.sampler = sampler;
    this.out = out;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "vz-progress");
      thread.setDaemon(true);
      return thread;
    });
  }

  public static ProgressReporter start(Supplier<ProgressSample> sampler, Consumer<String> out, Duration every) {
    ProgressReporter reporter = new ProgressReporter(sampler, out);
    reporter.previous = sampler.get();
    reporter.timer.scheduleAtFixedRate(reporter::tick, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    return reporter;
  }

  private void tick() {
    try {
      ProgressSample now = sampler.get();
      out.accept(ProgressLine.format(previous, now));
      previous = now;
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
