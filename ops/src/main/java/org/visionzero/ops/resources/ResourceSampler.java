package org.visionzero.ops.resources;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.visionzero.ops.threads.DaemonTimers;
import org.visionzero.process.ProcessUsage;

/**
 * Reads the process's resident memory and the run's completed games every so often (every minute in
 * {@code vz run}) on its own daemon thread, so that {@code summary.json} can show how memory and pace moved over
 * a long run ({@link ResourceTrend}). Where the system reports no resident size, it records nothing.
 */
public final class ResourceSampler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ResourceSampler.class);

  private final Instant started;
  private final LongSupplier gamesCompleted;
  private final ScheduledExecutorService timer;
  private final List<ResourceSample> samples = new ArrayList<>();
  private boolean selfPlay = true;

  private ResourceSampler(Instant started, LongSupplier gamesCompleted) {
    this.started = started;
    this.gamesCompleted = gamesCompleted;
    this.timer = DaemonTimers.named("vz-resources");
  }

  /** Samples now and then every {@code every}, minutes counted from {@code started}. */
  public static ResourceSampler start(Instant started, LongSupplier gamesCompleted, Duration every) {
    if (every.isZero() || every.isNegative()) {
      throw new IllegalArgumentException("the sampling interval must be positive, was " + every);
    }
    ResourceSampler sampler = new ResourceSampler(started, gamesCompleted);
    sampler.timer.scheduleAtFixedRate(sampler::sampleQuietly, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    return sampler;
  }

  /** Takes a last self-play sample; later ones are marked as not self-play. */
  public synchronized void selfPlayEnded() {
    sampleNow();
    selfPlay = false;
  }

  /** Takes one sample now (e.g. just before the summary is written). */
  public synchronized void sampleNow() {
    OptionalLong rss = ProcessUsage.residentBytes();
    if (rss.isPresent()) {
      double minute = Duration.between(started, Instant.now()).toMillis() / 60_000.0;
      samples.add(new ResourceSample(minute, rss.getAsLong(), gamesCompleted.getAsLong(), selfPlay));
    }
  }

  /** The samples so far, oldest first. */
  public synchronized List<ResourceSample> samples() {
    return List.copyOf(samples);
  }

  private void sampleQuietly() {
    try {
      sampleNow();
    } catch (RuntimeException e) {
      // a failed reading must not end the sampling, nor the run
      LOG.debug("resource sample failed", e);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
