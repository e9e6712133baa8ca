package org.visionzero.workers;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.visionzero.deadletter.DeadLetterPublisher;
import org.visionzero.events.DeadLetter;
import org.visionzero.workers.batch.BatchAccumulator;
import org.visionzero.workers.checkpoint.Refusals;
import org.visionzero.workers.policy.PolicyRegistry;

/**
 * One worker: a member of the {@code vz-workers} group that answers turn requests in micro-batches, each
 * batch in one Kafka transaction that also commits the batch's offsets, so a turn is answered exactly once
 * even if the worker dies mid-batch. New policy versions are swapped in between batches only.
 *
 * <p>{@link #run} owns the consumer and the producer; {@link #stop} asks it to finish the batch in hand,
 * commit it and leave the group.
 */
public final class Worker implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(Worker.class);
  /** Longest poll when nothing is pending, so stop requests and refusals are noticed promptly. */
  static final Duration IDLE_POLL = Duration.ofMillis(100);

  private final String workerId;
  private final String turnTopic;
  private final Consumer<byte[], byte[]> consumer;
  private final Producer<byte[], byte[]> producer;
  private final TurnHandler handler;
  private final PolicyRegistry policies;
  private final Refusals refusals;
  private final DeadLetterPublisher deadLetters;
  private final BatchAccumulator<ConsumerRecord<byte[], byte[]>> accumulator;
  private final WorkerMetrics metrics;
  private final Clock clock;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean running = true;
  private volatile Throwable failure;

  public Worker(String workerId, String turnTopic, Consumer<byte[], byte[]> consumer,
      Producer<byte[], byte[]> producer, TurnHandler handler, PolicyRegistry policies, Refusals refusals,
      DeadLetterPublisher deadLetters, int batchMaxSize, Duration batchMaxWait, WorkerMetrics metrics,
      Clock clock) {
    this.workerId = workerId;
    this.turnTopic = turnTopic;
    this.consumer = consumer;
    this.producer = producer;
    this.handler = handler;
    this.policies = policies;
    this.refusals = refusals;
    this.deadLetters = deadLetters;
    this.accumulator = new BatchAccumulator<>(batchMaxSize, batchMaxWait);
    this.metrics = metrics;
    this.clock = clock;
  }

  @Override
  public void run() {
    try {
      producer.initTransactions();
      consumer.subscribe(List.of(turnTopic), new CommitOnRevoke());
      LOG.info("{}: answering {} in micro-batches", workerId, turnTopic);
      while (running && failure == null) {
        swapInStagedVersions();
        Duration wait = accumulator.timeUntilDue(System.nanoTime(), IDLE_POLL);
        List<ConsumerRecord<byte[], byte[]>> polled = new ArrayList<>();
        consumer.poll(wait).forEach(polled::add);
        accumulator.addAll(polled, System.nanoTime());
        commitReadyBatches();
        if (accumulator.isEmpty() && !refusals.isEmpty()) {
          commitBatch(List.of()); // refusals are written even while no turns arrive
        }
      }
      if (failure == null) {
        int inHand = accumulator.size();
        finishBatchesInHand();
        LOG.info("{}: stopping; answered the {} turns in hand, leaving the group", workerId, inHand);
      }
    } catch (RuntimeException e) {
      failure = e;
    } finally {
      closeClients();
      stopped.countDown();
    }
    if (failure != null) {
      LOG.error("{}: stopped after a fatal error; its uncommitted turns go to another worker", workerId, failure);
    }
  }

  /** Asks the worker to finish the batch in hand, commit, and leave the group. */
  public void stop() {
    running = false;
  }

  /** Waits for {@link #run} to end; true when it did within the timeout. */
  public boolean awaitStopped(Duration timeout) throws InterruptedException {
    return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The error that stopped the worker, or {@code null}. */
  public Throwable failure() {
    return failure;
  }

  public String workerId() {
    return workerId;
  }

  private void swapInStagedVersions() {
    for (PolicyRegistry.Swap swap : policies.applyStaged()) {
      metrics.reload(Duration.between(swap.announcedAt(), clock.instant()));
      LOG.debug("{}: now serving {} (was version {})", workerId, swap.version(),
          swap.previous().map(String::valueOf).orElse("none"));
    }
  }

  private void commitReadyBatches() {
    while (accumulator.isReady(System.nanoTime())) {
      commitBatch(accumulator.drain(System.nanoTime()));
    }
  }

  private void finishBatchesInHand() {
    while (!accumulator.isEmpty()) {
      if (!commitBatch(accumulator.drain(System.nanoTime()))) {
        return; // aborted: its records stay uncommitted and go to the next owner
      }
    }
  }

  /** Answers and commits one batch in one transaction; false when the transaction was aborted. */
  private boolean commitBatch(List<ConsumerRecord<byte[], byte[]>> batch) {
    List<DeadLetter> refused = refusals.drain();
    // Inference (and any on-demand policy load) runs before the transaction opens, so it stays short.
    List<ProducerRecord<byte[], byte[]>> answers;
    try {
      answers = handler.handle(batch);
    } catch (RuntimeException e) {
      // Per-turn failures are dead letters already: this is a defect, and retrying the batch would loop.
      failure = e;
      running = false;
      refusals.requeue(refused);
      return false;
    }
    long started = System.nanoTime();
    try {
      producer.beginTransaction();
      for (DeadLetter deadLetter : refused) {
        producer.send(deadLetters.toRecord(deadLetter));
      }
      for (ProducerRecord<byte[], byte[]> record : answers) {
        producer.send(record);
      }
      if (!batch.isEmpty()) {
        producer.sendOffsetsToTransaction(nextOffsets(batch), consumer.groupMetadata());
      }
      producer.commitTransaction();
    } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException
        | UnsupportedVersionException e) {
      // Another instance took over our transactional id, or the cluster refuses us: we cannot go on.
      failure = e;
      running = false;
      refusals.requeue(refused);
      return false;
    } catch (KafkaException e) {
      LOG.warn("{}: batch of {} aborted, its turns will be answered again: {}", workerId, batch.size(), e.toString());
      abortQuietly();
      rewind(batch);
      refusals.requeue(refused);
      metrics.abortedBatch();
      return false;
    }
    if (!batch.isEmpty()) {
      metrics.batch(batch.size());
    }
    metrics.transaction(Duration.ofNanos(System.nanoTime() - started));
    return true;
  }

  private void abortQuietly() {
    try {
      producer.abortTransaction();
    } catch (KafkaException e) {
      LOG.warn("{}: abort failed too: {}", workerId, e.toString());
    }
  }

  /** Seeks back to the first record of the failed batch in every partition still owned. */
  private void rewind(List<ConsumerRecord<byte[], byte[]>> batch) {
    Map<TopicPartition, Long> first = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> record : batch) {
      first.merge(new TopicPartition(record.topic(), record.partition()), record.offset(), Math::min);
    }
    Set<TopicPartition> owned = consumer.assignment();
    first.forEach((partition, offset) -> {
      if (owned.contains(partition)) {
        consumer.seek(partition, offset);
      }
    });
    // Records after the failed batch will be fetched again after the seek.
    accumulator.discardIf(r -> first.containsKey(new TopicPartition(r.topic(), r.partition())));
  }

  static Map<TopicPartition, OffsetAndMetadata> nextOffsets(List<ConsumerRecord<byte[], byte[]>> batch) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> record : batch) {
      offsets.merge(new TopicPartition(record.topic(), record.partition()),
          new OffsetAndMetadata(record.offset() + 1),
          (a, b) -> a.offset() >= b.offset() ? a : b);
    }
    return offsets;
  }

  private void closeClients() {
    try {
      consumer.close(); // leaves the group, so the partitions move on at once
    } catch (KafkaException e) {
      LOG.warn("{}: consumer close failed: {}", workerId, e.toString());
    }
    try {
      producer.close();
    } catch (KafkaException e) {
      LOG.warn("{}: producer close failed: {}", workerId, e.toString());
    }
  }

  /** Commits what is in hand before partitions move to another worker; drops it when they were lost. */
  private final class CommitOnRevoke implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      if (!partitions.isEmpty() && failure == null) {
        finishBatchesInHand();
      }
      Set<TopicPartition> revoked = new HashSet<>(partitions);
      accumulator.discardIf(r -> revoked.contains(new TopicPartition(r.topic(), r.partition())));
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      LOG.info("{}: assigned {}", workerId, partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      Set<TopicPartition> lost = new HashSet<>(partitions);
      accumulator.discardIf(r -> lost.contains(new TopicPartition(r.topic(), r.partition())));
    }
  }
}
