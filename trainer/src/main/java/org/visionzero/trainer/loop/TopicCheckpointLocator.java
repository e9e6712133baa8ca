package org.visionzero.trainer.loop;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.visionzero.deadletter.InvalidRecordException;
import org.visionzero.events.CheckpointPublished;
import org.visionzero.sign.CheckpointBelief;
import org.visionzero.sign.CheckpointSignature;
import org.visionzero.topics.Topic;

/**
 * Reads the compacted checkpoints topic from the beginning to its end (committed records only: the consumer
 * must use {@code isolation.level=read_committed}) and returns the newest checkpoint of a policy and run.
 * An undecodable record, one whose signature does not check out when checkpoints are signed
 * ({@link CheckpointSignature}), or a version from the future ({@link CheckpointBelief}), is skipped with a
 * warning: it cannot be a checkpoint this trainer wrote.
 */
public final class TopicCheckpointLocator implements CheckpointLocator {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TopicCheckpointLocator.class);
  private static final Duration POLL = Duration.ofMillis(200);

  private final Consumer<byte[], byte[]> consumer;
  private final Topic<String, CheckpointPublished> topic;
  private final Duration timeout;
  private final CheckpointSignature signature;

  public TopicCheckpointLocator(Consumer<byte[], byte[]> consumer, Topic<String, CheckpointPublished> topic,
      Duration timeout) {
    this(consumer, topic, timeout, CheckpointSignature.off());
  }

  public TopicCheckpointLocator(Consumer<byte[], byte[]> consumer, Topic<String, CheckpointPublished> topic,
      Duration timeout, CheckpointSignature signature) {
    this.consumer = consumer;
    this.topic = topic;
    this.timeout = timeout;
    this.signature = signature;
  }

  @Override
  public Optional<CheckpointPublished> latest(String policyName, String runId) {
    List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), timeout).stream()
        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
    CheckpointPublished best = null;
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!reached(end)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("could not read " + topic.name() + " to its end within " + timeout);
      }
      for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
        CheckpointPublished event = decode(record);
        if (event != null && policyName.equals(event.getPolicy().getName()) && runId.equals(event.getRunId())) {
          best = believable(best, event) ? newer(best, event) : best;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  private boolean reached(Map<TopicPartition, Long> end) {
    return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }

  private CheckpointPublished decode(ConsumerRecord<byte[], byte[]> record) {
    Optional<String> problem = signature.problem(record);
    if (problem.isPresent()) {
      LOG.warn("skipping checkpoint record {}/{}/{}: {}", record.topic(), record.partition(), record.offset(),
          problem.get());
      return null;
    }
    try {
      return topic.valueSerde().deserializer().deserialize(record.topic(), record.value());
    } catch (RuntimeException e) {
      LOG.warn("skipping undecodable record {}/{}/{}: {}", record.topic(), record.partition(), record.offset(),
          e.getMessage());
      return null;
    }
  }

  /** Whether the event can follow the newest read so far: no version from the future (its blob would not load). */
  private static boolean believable(CheckpointPublished best, CheckpointPublished event) {
    Optional<InvalidRecordException> doubt =
        CheckpointBelief.doubt(event, best == null ? null : best.getPolicy().getVersion());
    doubt.ifPresent(reason -> LOG.warn("not resuming from {}: {}", event.getEventId(), reason.getMessage()));
    return doubt.isEmpty();
  }

  private static CheckpointPublished newer(CheckpointPublished a, CheckpointPublished b) {
    if (a == null) {
      return b;
    }
    Comparator<CheckpointPublished> order = Comparator
        .comparingInt((CheckpointPublished c) -> c.getPolicy().getVersion())
        .thenComparingLong(CheckpointPublished::getTrainerStep);
    return order.compare(b, a) >= 0 ? b : a;
  }
}
