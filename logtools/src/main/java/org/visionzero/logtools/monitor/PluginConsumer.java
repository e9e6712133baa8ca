package org.visionzero.logtools.monitor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.visionzero.deadletter.DeadLetterPublisher;
import org.visionzero.deadletter.DeadLetters;
import org.visionzero.events.DeadLetter;
import org.visionzero.topics.Topic;

/**
 * The template of an evaluation consumer plugged into the log: subclass it, say which topic, and write
 * {@link #handle}. It gets, for free: its own consumer group ({@code read_committed}, offsets committed after
 * each handled batch, so at-least-once), the catalog's serde for the topic, dead letters for records that
 * cannot be decoded or handled (to {@code dead-letters}, with the reason, then it goes on), Micrometer meters
 * ({@code vz.plugin.records}, {@code vz.plugin.dead.letters}, tag {@code consumer}) and the Kafka client
 * metrics. It only reads the pipeline's topics and writes dead letters, so it changes nothing in training.
 *
 * @param <V> the topic's value type
 */
public abstract class PluginConsumer<V> implements Runnable, AutoCloseable {
  public static final String RECORDS = "vz.plugin.records";
  public static final String DEAD_LETTERS = "vz.plugin.dead.letters";
  private static final Duration POLL = Duration.ofMillis(200);

  private final String component;
  private final Topic<String, V> topic;
  private final Consumer<String, byte[]> consumer;
  private final Producer<byte[], byte[]> producer;
  private final DeadLetterPublisher deadLetters;
  private final Counter records;
  private final Counter deadLettered;
  private final List<KafkaClientMetrics> clientMetrics = new ArrayList<>();
  private final AtomicBoolean running = new AtomicBoolean(true);

  /** A plug-in on a real cluster: creates its consumer and dead-letter producer from the settings. */
  protected PluginConsumer(PluginSettings settings, Topic<String, V> topic, MeterRegistry registry) {
    this(settings.component(), topic, settings.topics().deadLetters(), consumer(settings), producer(settings),
        registry);
    clientMetrics.add(new KafkaClientMetrics(consumer));
    clientMetrics.add(new KafkaClientMetrics(producer));
    clientMetrics.forEach(metrics -> metrics.bindTo(registry));
  }

  /** A plug-in on given clients (e.g. mock clients in a unit test); it closes them. */
  protected PluginConsumer(String component, Topic<String, V> topic, Topic<String, DeadLetter> deadLetterTopic,
      Consumer<String, byte[]> consumer, Producer<byte[], byte[]> producer, MeterRegistry registry) {
    this.component = Objects.requireNonNull(component, "component");
    this.topic = Objects.requireNonNull(topic, "topic");
    this.consumer = Objects.requireNonNull(consumer, "consumer");
    this.producer = Objects.requireNonNull(producer, "producer");
    this.deadLetters = new DeadLetterPublisher(producer, deadLetterTopic);
    this.records = registry.counter(RECORDS, "consumer", component);
    this.deadLettered = registry.counter(DEAD_LETTERS, "consumer", component);
  }

  /**
   * Handles one decoded record. Throw (anything but a {@link KafkaException}) when the record cannot be
   * handled: it is dead-lettered and the consumer goes on.
   */
  protected abstract void handle(ConsumerRecord<String, byte[]> record, V value);

  /** Subscribes and polls until {@link #close} or {@link #stop}. */
  @Override
  public void run() {
    subscribe();
    try {
      while (running.get()) {
        pollOnce();
      }
    } catch (WakeupException e) {
      if (running.get()) {
        throw e;
      }
    }
  }

  public void subscribe() {
    consumer.subscribe(List.of(topic.name()));
  }

  /**
   * One poll: decode and handle each record (or dead-letter it), make the dead letters durable, then commit.
   *
   * @return records polled
   */
  public int pollOnce() {
    ConsumerRecords<String, byte[]> polled = consumer.poll(POLL);
    if (polled.isEmpty()) {
      return 0;
    }
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> record : polled) {
      records.increment();
      try {
        V value = topic.valueSerde().deserializer().deserialize(record.topic(), record.value());
        if (value == null) {
          throw new IllegalArgumentException("record has no value (tombstone) where an event was expected");
        }
        handle(record, value);
      } catch (KafkaException e) {
        if (!(e instanceof org.apache.kafka.common.errors.SerializationException)) {
          throw e;
        }
        sent.add(deadLetter(record, e));
      } catch (RuntimeException e) {
        sent.add(deadLetter(record, e));
      }
    }
    awaitDeadLetters(sent);
    consumer.commitSync();
    return polled.count();
  }

  private Future<RecordMetadata> deadLetter(ConsumerRecord<String, byte[]> record, Exception error) {
    deadLettered.increment();
    byte[] key = record.key() == null ? null : record.key().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    ConsumerRecord<byte[], byte[]> raw = new ConsumerRecord<>(record.topic(), record.partition(), record.offset(),
        key, record.value());
    return deadLetters.publish(DeadLetters.forRecord(component, raw, error, Instant.now()));
  }

  /** Offsets are committed only once the dead letters of the batch are written: none is lost. */
  private static void awaitDeadLetters(List<Future<RecordMetadata>> sent) {
    for (Future<RecordMetadata> future : sent) {
      try {
        future.get();
      } catch (ExecutionException e) {
        throw new KafkaException("a dead letter could not be written: " + e.getCause(), e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new KafkaException("interrupted while writing dead letters", e);
      }
    }
  }

  public String component() {
    return component;
  }

  /** Asks {@link #run} to return after the current poll. */
  public void stop() {
    running.set(false);
    consumer.wakeup();
  }

  /** Stops polling (call {@link #stop} first and wait for {@link #run} when another thread polls). */
  @Override
  public void close() {
    running.set(false);
    clientMetrics.forEach(KafkaClientMetrics::close);
    consumer.close();
    producer.close();
  }

  private static Consumer<String, byte[]> consumer(PluginSettings settings) {
    Map<String, Object> props = new HashMap<>(settings.clientProperties());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, settings.component() + "-consumer");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, settings.fromBeginning() ? "earliest" : "latest");
    return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
  }

  private static Producer<byte[], byte[]> producer(PluginSettings settings) {
    Map<String, Object> props = new HashMap<>(settings.clientProperties());
    props.put(ProducerConfig.CLIENT_ID_CONFIG, settings.component() + "-dead-letters");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }
}
