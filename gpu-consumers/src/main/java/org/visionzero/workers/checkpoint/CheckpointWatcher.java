package org.visionzero.workers.checkpoint;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.visionzero.deadletter.DeadLetters;
import org.visionzero.events.CheckpointPublished;
import org.visionzero.events.DeadLetter;
import org.visionzero.policy.Policy;
import org.visionzero.sign.CheckpointSignature;
import org.visionzero.sign.UntrustedCheckpointException;
import org.visionzero.topics.Topic;
import org.visionzero.workers.WorkerMetrics;
import org.visionzero.workers.policy.CheckpointIndex;
import org.visionzero.workers.policy.CheckpointLoader;
import org.visionzero.workers.policy.KnownCheckpoint;
import org.visionzero.workers.policy.PolicyLoadException;
import org.visionzero.workers.policy.PolicyRegistry;
import org.visionzero.workers.policy.VersionKey;

/**
 * Follows the compacted checkpoint topic from its beginning, on its own thread and without a consumer group:
 * indexes every announced version, loads each policy's newest version off the hot path, and stages it for
 * the worker to swap in between batches. A checkpoint that is tampered, of another architecture or
 * unloadable, or whose event is unsigned or wrongly signed while checkpoints are signed ({@link CheckpointSignature}),
 * is refused with a dead letter; the worker keeps serving what it has.
 */
public final class CheckpointWatcher implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(CheckpointWatcher.class);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration TOPIC_RETRY = Duration.ofSeconds(1);

  private final Consumer<byte[], byte[]> consumer;
  private final Topic<String, CheckpointPublished> topic;
  private final CheckpointIndex index;
  private final CheckpointLoader loader;
  private final PolicyRegistry registry;
  private final Refusals refusals;
  private final WorkerMetrics metrics;
  private final String component;
  private final Clock clock;
  private final CheckpointSignature signature;
  private final CountDownLatch caughtUp = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(1);
  private final Set<String> unplayable = new HashSet<>();
  private volatile boolean running = true;

  public CheckpointWatcher(Consumer<byte[], byte[]> consumer, Topic<String, CheckpointPublished> topic,
      CheckpointIndex index, CheckpointLoader loader, PolicyRegistry registry, Refusals refusals,
      WorkerMetrics metrics, String component, Clock clock) {
    this(consumer, topic, index, loader, registry, refusals, metrics, component, clock, CheckpointSignature.off());
  }

  /**
   * @param signature checks each checkpoint event's signature before anything in it is believed (off: none)
   */
  public CheckpointWatcher(Consumer<byte[], byte[]> consumer, Topic<String, CheckpointPublished> topic,
      CheckpointIndex index, CheckpointLoader loader, PolicyRegistry registry, Refusals refusals,
      WorkerMetrics metrics, String component, Clock clock, CheckpointSignature signature) {
    this.signature = signature;
    this.consumer = consumer;
    this.topic = topic;
    this.index = index;
    this.loader = loader;
    this.registry = registry;
    this.refusals = refusals;
    this.metrics = metrics;
    this.component = component;
    this.clock = clock;
  }

  @Override
  public void run() {
    try {
      List<TopicPartition> partitions = awaitPartitions();
      if (partitions.isEmpty()) {
        return;
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (running) {
        Map<String, List<Announced>> announced = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
          read(record, announced);
        }
        announced.values().forEach(this::offerNewestLoadable);
        if (caughtUp.getCount() > 0 && reached(end)) {
          caughtUp.countDown();
        }
      }
    } catch (WakeupException e) {
      // close() woke us up: stop.
    } catch (KafkaException e) {
      LOG.error("{}: checkpoint watcher stopped, no further versions will be loaded: {}", component, e.toString());
    } finally {
      caughtUp.countDown();
      consumer.close();
      finished.countDown();
    }
  }

  /** Waits until the checkpoints published before start-up have been read (and their versions staged). */
  public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
    return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  public void close(Duration timeout) throws InterruptedException {
    running = false;
    consumer.wakeup();
    finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private List<TopicPartition> awaitPartitions() throws KafkaException {
    while (running) {
      List<PartitionInfo> infos = consumer.partitionsFor(topic.name());
      if (infos != null && !infos.isEmpty()) {
        return infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
      }
      caughtUp.countDown(); // nothing was published yet: nothing to catch up with
      try {
        Thread.sleep(TOPIC_RETRY.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return List.of();
      }
    }
    return List.of();
  }

  private void read(ConsumerRecord<byte[], byte[]> record, Map<String, List<Announced>> announced) {
    Optional<String> untrusted = signature.problem(record);
    if (untrusted.isPresent()) {
      UntrustedCheckpointException e = new UntrustedCheckpointException(untrusted.get());
      refuse(DeadLetters.forRecord(component, record, e, clock.instant()), e.getMessage());
      return;
    }
    CheckpointPublished event;
    try {
      event = topic.valueSerde().deserializer().deserialize(topic.name(), record.value());
    } catch (RuntimeException e) {
      refuse(DeadLetters.forRecord(component, record, e, clock.instant()), e.getMessage());
      return;
    }
    if (event == null) {
      return; // a tombstone retires a policy name; versions already held stay until evicted
    }
    index.record(event);
    announced.computeIfAbsent(event.getPolicy().getName(), name -> new ArrayList<>())
        .add(new Announced(event, clock.instant()));
  }

  /**
   * Loads the newest version of one policy read in a poll; when it is refused (a missing or tampered blob), the
   * next newer than what is held, so that a bad event cannot hide a good one published beside it. Older ones
   * are superseded and not loaded.
   */
  private void offerNewestLoadable(List<Announced> versions) {
    List<Announced> newestFirst = new ArrayList<>(versions);
    newestFirst.sort(Comparator.comparingInt((Announced a) -> a.event().getPolicy().getVersion()).reversed());
    for (Announced candidate : newestFirst) {
      if (offer(candidate)) {
        return;
      }
    }
  }

  /** True when the version is loaded or needs no loading here; false when it was refused. */
  private boolean offer(Announced announced) {
    CheckpointPublished event = announced.event();
    VersionKey key = VersionKey.of(event.getPolicy());
    if (!loader.handles(key.name())) {
      if (unplayable.add(key.name())) {
        LOG.warn("{}: ignoring checkpoints of '{}': no policy factory on this worker plays it", component,
            key.name());
      }
      return true;
    }
    if (key.version() <= registry.highestVersion(key.name())) {
      return true;
    }
    long started = System.nanoTime();
    try {
      Policy policy = loader.load(key, new KnownCheckpoint(event.getCheckpoint(), event.getArchitecture()));
      registry.stage(key, policy, announced.readAt());
      LOG.debug("{}: loaded checkpoint {} in {} ms; it serves from the next batch", component, key,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
      return true;
    } catch (PolicyLoadException e) {
      refuse(DeadLetters.forInput(component, event.getCheckpoint().getUri(), null, e, clock.instant()),
          e.getMessage());
      return false;
    }
  }

  private void refuse(DeadLetter deadLetter, String reason) {
    metrics.refusedCheckpoint();
    refusals.add(deadLetter);
    LOG.warn("{}: refused checkpoint, still serving the versions held: {}", component, reason);
  }

  private boolean reached(Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
      if (consumer.position(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  private record Announced(CheckpointPublished event, Instant readAt) {}
}
