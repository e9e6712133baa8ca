package org.visionzero.ops.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.visionzero.ops.threads.DaemonTimers;

/**
 * {@code vz.consumer.lag{group}}: records of a consumer group's input topics it has not committed yet, sampled on
 * its own thread (asking the cluster takes up to seconds; a scrape must not wait for it). -1 while unknown.
 */
public final class GroupLagGauges implements AutoCloseable {

  public static final String LAG = "vz.consumer.lag";

  /** The lag of a group over topics, -1 when the cluster did not answer ({@code ConsumerLag::of}). */
  @FunctionalInterface
  public interface LagSource {
    long of(String group, List<String> topics);
  }

  private final LagSource source;
  private final Map<String, List<String>> topicsByGroup;
  private final Map<String, AtomicLong> lagByGroup = new ConcurrentHashMap<>();
  private ScheduledExecutorService timer;

  public GroupLagGauges(MeterRegistry registry, LagSource source, Map<String, List<String>> topicsByGroup) {
    this.source = source;
    this.topicsByGroup = Map.copyOf(topicsByGroup);
    this.topicsByGroup.keySet().forEach(group -> {
      AtomicLong lag = lagByGroup.computeIfAbsent(group, g -> new AtomicLong(-1));
      Gauge.builder(LAG, lag, AtomicLong::get).tag("group", group)
          .description("Records of the group's input topics not yet committed (-1: unknown)").register(registry);
    });
  }

  /** Samples every {@code interval} on a daemon thread until closed. */
  public GroupLagGauges start(Duration interval) {
    timer = DaemonTimers.named("vz-lag-gauges");
    timer.scheduleWithFixedDelay(this::sampleOnce, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  /** Asks the cluster once for every group. */
  public void sampleOnce() {
    topicsByGroup.forEach((group, topics) -> lagByGroup.get(group).set(source.of(group, topics)));
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
