package org.visionzero.ops.run;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.visionzero.deadletter.DeadLetterPublisher;
import org.visionzero.deadletter.DeadLetters;
import org.visionzero.events.TrainingEvent;
import org.visionzero.ops.eval.TopicTail;
import org.visionzero.ops.report.TrainingEventCheck;
import org.visionzero.ops.report.TrainingHistory;
import org.visionzero.topics.TopicCatalog;

/**
 * Follows {@code vz.training} into a {@link TrainingHistory} on its own thread. It is the reader of that topic that
 * dead-letters (as {@value #COMPONENT}) a record it cannot decode or that says something impossible
 * ({@link TrainingEventCheck}); it reads from the beginning at every start, so a restarted run writes those
 * letters again with the same event id (counts of distinct letters do not change).
 */
public final class TrainingLogReader implements AutoCloseable {
  static final String COMPONENT = "training-log";
  /** Training events read again under an event id already read (kept once by the history). */
  public static final String DUPLICATES = "vz.training.log.duplicates";
  private static final Logger LOG = LoggerFactory.getLogger(TrainingLogReader.class);
  private static final Duration POLL = Duration.ofMillis(500);

  private final TopicTail<TrainingEvent> tail;
  private final TrainingHistory history;
  private final KafkaProducer<byte[], byte[]> producer;
  private final DeadLetterPublisher deadLetters;
  private final Clock clock = Clock.systemUTC();
  private final Counter duplicates;
  private final Set<String> read = ConcurrentHashMap.newKeySet();
  private final Thread thread;
  private volatile boolean running = true;

  private TrainingLogReader(Map<String, Object> clientProperties, TopicCatalog topics, String runId,
      MeterRegistry registry) {
    duplicates = registry.counter(DUPLICATES);
    tail = new TopicTail<>(clientProperties, topics.training(), "vz-run-training-log");
    history = new TrainingHistory(runId);
    Map<String, Object> producerProps = new HashMap<>(clientProperties);
    producerProps.put(ProducerConfig.CLIENT_ID_CONFIG, "vz-run-training-log-dead-letters");
    producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
    producer = new KafkaProducer<>(producerProps, new ByteArraySerializer(), new ByteArraySerializer());
    deadLetters = new DeadLetterPublisher(producer, topics.deadLetters());
    thread = new Thread(() -> {
      try {
        while (running) {
          tail.poll(POLL, this::onEvent, this::deadLetter);
        }
      } catch (WakeupException e) {
        // closing
      }
    }, "vz-training-log");
    thread.setDaemon(true);
  }

  public static TrainingLogReader start(Map<String, Object> clientProperties, TopicCatalog topics, String runId,
      MeterRegistry registry) {
    TrainingLogReader reader = new TrainingLogReader(clientProperties, topics, runId, registry);
    reader.thread.start();
    return reader;
  }

  public TrainingHistory history() {
    return history;
  }

  private void onEvent(ConsumerRecord<byte[], byte[]> record, TrainingEvent event) {
    try {
      if (!read.add(event.getEventId())) {
        duplicates.increment(); // a resumed trainer's repeated step, or a replay: the history keeps one
      }
      history.add(TrainingEventCheck.validate(event));
    } catch (IllegalArgumentException e) {
      deadLetter(record, e);
    }
  }

  private void deadLetter(ConsumerRecord<byte[], byte[]> record, RuntimeException error) {
    LOG.warn("dead-lettering {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), error.getMessage());
    deadLetters.publish(DeadLetters.forRecord(COMPONENT, record, error, clock.instant()));
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    tail.wakeup();
    thread.join(10_000);
    tail.close();
    producer.close(Duration.ofSeconds(10));
  }
}
