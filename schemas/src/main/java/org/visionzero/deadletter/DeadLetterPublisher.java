package org.visionzero.deadletter;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.visionzero.events.DeadLetter;
import org.visionzero.topics.Topic;

/**
 * Writes dead letters to {@code vz.dead-letters} through a byte-level producer the component already has,
 * so that a transactional component sends its dead letters inside the same transaction as its output.
 */
public final class DeadLetterPublisher {
  private final Producer<byte[], byte[]> producer;
  private final Topic<String, DeadLetter> topic;

  public DeadLetterPublisher(Producer<byte[], byte[]> producer, Topic<String, DeadLetter> topic) {
    this.producer = Objects.requireNonNull(producer, "producer");
    this.topic = Objects.requireNonNull(topic, "topic");
  }

  /** The record to send: keyed by the failed record's key (or the event id when there was none). */
  public ProducerRecord<byte[], byte[]> toRecord(DeadLetter deadLetter) {
    byte[] key = deadLetter.getKey() != null
        ? bytesOf(deadLetter.getKey())
        : deadLetter.getEventId().getBytes(StandardCharsets.UTF_8);
    byte[] value = topic.valueSerde().serializer().serialize(topic.name(), deadLetter);
    return new ProducerRecord<>(topic.name(), key, value);
  }

  public Future<RecordMetadata> publish(DeadLetter deadLetter) {
    return producer.send(toRecord(deadLetter));
  }

  private static byte[] bytesOf(java.nio.ByteBuffer buffer) {
    java.nio.ByteBuffer copy = buffer.duplicate();
    byte[] bytes = new byte[copy.remaining()];
    copy.get(bytes);
    return bytes;
  }
}
