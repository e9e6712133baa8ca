package org.visionzero.workers.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.visionzero.events.ClueGiven;
import org.visionzero.events.DecisionSampled;
import org.visionzero.events.GameEvent;
import org.visionzero.events.PolicyRef;
import org.visionzero.topics.Topic;

/** Reads committed answers from the game-event topic on its own thread, counting each turn once. */
final class AnswerReader implements Runnable, AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(50);

  /** One answer: when the worker wrote it, and which version produced it. */
  record Answer(Instant occurredAt, int version) {}

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Topic<String, GameEvent> topic;
  private final Map<String, Answer> firstAnswers = new HashMap<>();
  private final AtomicInteger duplicates = new AtomicInteger();
  private final Thread thread;
  private volatile boolean running = true;

  AnswerReader(String bootstrapServers, Topic<String, GameEvent> topic) {
    this.topic = topic;
    this.consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString(),
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
        new ByteArrayDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    this.thread = new Thread(this, "bench-answer-reader");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void run() {
    try {
      while (running) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
          GameEvent event = topic.valueSerde().deserializer().deserialize(topic.name(), record.value());
          record(event);
        }
      }
    } catch (WakeupException e) {
      // closing
    } finally {
      consumer.close();
    }
  }

  private synchronized void record(GameEvent event) {
    PolicyRef policy = event.getPayload() instanceof ClueGiven c ? c.getPolicy()
        : event.getPayload() instanceof DecisionSampled d ? d.getPolicy() : null;
    if (policy == null) {
      return;
    }
    if (firstAnswers.putIfAbsent(event.getEventId(), new Answer(event.getOccurredAt(), policy.getVersion())) != null) {
      duplicates.incrementAndGet();
    }
  }

  synchronized int answered() {
    return firstAnswers.size();
  }

  synchronized List<Answer> answers() {
    return List.copyOf(firstAnswers.values());
  }

  int duplicates() {
    return duplicates.get();
  }

  /** Waits until {@code count} turns are answered; false when the timeout passed first. */
  boolean awaitAnswered(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (answered() < count) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(POLL.toMillis());
    }
    return true;
  }

  /** The earliest answer written by {@code version} at or after {@code since}, waiting up to the timeout. */
  Instant awaitFirstAnswerOf(int version, Instant since, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Instant first = answers().stream().filter(a -> a.version() == version && !a.occurredAt().isBefore(since))
          .map(Answer::occurredAt).min(Instant::compareTo).orElse(null);
      if (first != null) {
        return first;
      }
      Thread.sleep(POLL.toMillis());
    }
    return null;
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    consumer.wakeup();
    thread.join(Duration.ofSeconds(10).toMillis());
  }
}
