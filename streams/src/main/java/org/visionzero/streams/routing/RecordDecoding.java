package org.visionzero.streams.routing;

import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.visionzero.deadletter.DeadLetters;
import org.visionzero.events.DeadLetter;

/**
 * Decodes raw record values inside a processor, so an undecodable record becomes a {@link DeadLetter} (with
 * its source topic, partition, offset and bytes) instead of stopping the application.
 */
public final class RecordDecoding {
  private RecordDecoding() {}

  /** The decoded value, or empty when it cannot be decoded (then {@code onFailure} got the dead letter). */
  public static <T> Optional<T> decode(Deserializer<T> deserializer, Record<String, byte[]> record,
      ProcessorContext<?, ?> context, String component, java.util.function.Consumer<DeadLetter> onFailure) {
    String topic = context.recordMetadata().map(RecordMetadata::topic).orElse("");
    try {
      if (record.value() == null) {
        throw new IllegalArgumentException("record has no value (tombstone) where an event was expected");
      }
      T value = deserializer.deserialize(topic, record.value());
      if (value == null) {
        throw new IllegalArgumentException("record value decoded to nothing");
      }
      return Optional.of(value);
    } catch (RuntimeException e) {
      onFailure.accept(deadLetter(record, context, component, e));
      return Optional.empty();
    }
  }

  /** A dead letter for the current record of a processor, with the reason. */
  public static DeadLetter deadLetter(Record<String, byte[]> record, ProcessorContext<?, ?> context,
      String component, Throwable error) {
    RecordMetadata metadata = context.recordMetadata().orElse(null);
    String topic = metadata == null ? "" : metadata.topic();
    int partition = metadata == null ? -1 : metadata.partition();
    long offset = metadata == null ? -1L : metadata.offset();
    byte[] key = record.key() == null ? null : record.key().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    ConsumerRecord<byte[], byte[]> source = new ConsumerRecord<>(topic, partition, offset, key, record.value());
    return DeadLetters.forRecord(component, source, error, Instant.ofEpochMilli(context.currentSystemTimeMs()));
  }

  /**
   * Whether an error raised while handling one decoded record is about that record (dead-letter it and go
   * on) rather than about Kafka (a fenced producer, a migrated task, a broken store), which must propagate so
   * that exactly-once processing can abort the transaction and recover.
   */
  public static boolean isAboutTheRecord(RuntimeException error) {
    return !(error instanceof org.apache.kafka.common.KafkaException);
  }

  /** The dead letter's key on the dead-letter topic: the failed record's key, else the dead letter's id. */
  public static String keyOf(DeadLetter deadLetter) {
    return deadLetter.getKey() != null
        ? java.nio.charset.StandardCharsets.UTF_8.decode(deadLetter.getKey().duplicate()).toString()
        : deadLetter.getEventId();
  }
}
