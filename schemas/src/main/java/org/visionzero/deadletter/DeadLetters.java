package org.visionzero.deadletter;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.visionzero.events.DeadLetter;
import org.visionzero.hash.Sha256;

/** Builds {@link DeadLetter} records that keep the failed input and say why it failed. */
public final class DeadLetters {
  /** Inputs that are not Kafka records (files) keep at most this many bytes in the dead letter. */
  public static final int MAX_INPUT_BYTES = 64 * 1024;

  private DeadLetters() {}

  /** A Kafka record that a component could not process. */
  public static DeadLetter forRecord(String component, ConsumerRecord<byte[], byte[]> record, Throwable error,
      Instant now) {
    Objects.requireNonNull(record, "record");
    return base(component, error, now)
        .setEventId(record.topic() + "/" + record.partition() + "/" + record.offset())
        .setSourceTopic(record.topic())
        .setSourcePartition(record.partition())
        .setSourceOffset(record.offset())
        .setKey(wrap(record.key()))
        .setValue(wrap(record.value()))
        .build();
  }

  /** An input that is not a Kafka record (a file, a checkpoint blob), identified by a reference. */
  public static DeadLetter forInput(String component, String reference, byte[] bytes, Throwable error,
      Instant now) {
    Objects.requireNonNull(reference, "reference");
    byte[] kept = bytes == null ? null : Arrays.copyOf(bytes, Math.min(bytes.length, MAX_INPUT_BYTES));
    String identity = Sha256.hex((component + "|" + reference).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return base(component, error, now)
        .setEventId(component + "/" + identity)
        .setSourceTopic("")
        .setSourcePartition(-1)
        .setSourceOffset(-1L)
        .setKey(null)
        .setValue(wrap(kept))
        .setReference(reference)
        .build();
  }

  private static DeadLetter.Builder base(String component, Throwable error, Instant now) {
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(error, "error");
    return DeadLetter.newBuilder()
        .setOccurredAt(now)
        .setComponent(component)
        .setError(describe(error))
        .setErrorClass(error.getClass().getName());
  }

  /** The message chain of an error, outermost first, so the root cause is visible to an operator. */
  static String describe(Throwable error) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = error; t != null && text.length() < 4000; t = t.getCause()) {
      if (text.length() > 0) {
        text.append(" <- caused by: ");
      }
      text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
      if (t.getCause() == t) {
        break;
      }
    }
    return text.toString();
  }

  private static ByteBuffer wrap(byte[] bytes) {
    return bytes == null ? null : ByteBuffer.wrap(bytes);
  }
}
