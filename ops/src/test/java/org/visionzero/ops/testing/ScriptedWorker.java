package org.visionzero.ops.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.visionzero.events.GameEvent;
import org.visionzero.events.TurnKind;
import org.visionzero.events.TurnRequested;
import org.visionzero.game.testing.Events;
import org.visionzero.topics.TopicCatalog;

/**
 * A worker on a real broker, without a model: it answers every turn request in a transaction that also
 * commits its input offsets, with the clue a test chooses, and an observer whose every sample names seat 1.
 * It runs on its own thread from {@link #start} until {@link #close}.
 */
public final class ScriptedWorker implements Runnable, AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(200);
  private static final int VOTED_SEAT = 1;

  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final TopicCatalog topics;
  private final Function<TurnRequested, String> clues;
  private final KafkaConsumer<String, TurnRequested> consumer;
  private final KafkaProducer<String, GameEvent> producer;
  private final Thread thread;

  private ScriptedWorker(KafkaBrokerExtension kafka, TopicCatalog topics, String id,
      Function<TurnRequested, String> clues) {
    this.topics = topics;
    this.clues = clues;
    Map<String, Object> consumerProps = new HashMap<>(kafka.clientProperties());
    consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, id);
    consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(),
        topics.turnRequests().valueSerde().deserializer());
    Map<String, Object> producerProps = new HashMap<>(kafka.clientProperties());
    producerProps.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, id);
    producer = new KafkaProducer<>(producerProps, new StringSerializer(),
        topics.gameEvents().valueSerde().serializer());
    thread = new Thread(this, "scripted-worker");
  }

  /**
   * Starts a worker in consumer group and transactional id {@code id}.
   *
   * @param clues what the worker says at each clue turn
   */
  public static ScriptedWorker start(KafkaBrokerExtension kafka, TopicCatalog topics, String id,
      Function<TurnRequested, String> clues) {
    ScriptedWorker worker = new ScriptedWorker(kafka, topics, id, clues);
    worker.thread.start();
    return worker;
  }

  /** What stopped the worker, or null while it answers (or after it was closed without a failure). */
  public Throwable failure() {
    return failure.get();
  }

  @Override
  public void run() {
    try {
      producer.initTransactions();
      consumer.subscribe(List.of(topics.turnRequests().name()));
      while (running.get()) {
        ConsumerRecords<String, TurnRequested> requests = consumer.poll(POLL);
        if (requests.isEmpty()) {
          continue;
        }
        producer.beginTransaction();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (ConsumerRecord<String, TurnRequested> record : requests) {
          GameEvent answer = answer(record.value());
          producer.send(new ProducerRecord<>(topics.gameEvents().name(), answer.getGameId(), answer));
          offsets.put(new TopicPartition(record.topic(), record.partition()),
              new OffsetAndMetadata(record.offset() + 1));
        }
        producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
        producer.commitTransaction();
      }
    } catch (WakeupException stopping) {
      // close() woke the consumer up
    } catch (Throwable e) {
      failure.set(e);
    } finally {
      consumer.close();
      producer.close();
    }
  }

  private GameEvent answer(TurnRequested request) {
    return request.getKind() == TurnKind.CLUE
        ? Events.clue(request, clues.apply(request), Instant.now())
        : Events.decision(request, VOTED_SEAT, Instant.now());
  }

  /** Stops answering and waits (up to 30 s) for the worker's thread to close its clients. */
  @Override
  public void close() throws InterruptedException {
    running.set(false);
    consumer.wakeup();
    thread.join(TimeUnit.SECONDS.toMillis(30));
  }
}
