package org.visionzero.ops.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.visionzero.events.DeadLetter;

/**
 * The records that re-drive dead letters: each letter's raw key and value, unchanged, back to its source topic,
 * with a header naming the letter, so that a fixed component processes the input again. Letters without a source
 * record (a file, a checkpoint) or without a value cannot be re-driven and are counted apart.
 */
public final class DeadLetterRedrive {

  /** Header on a re-driven record: the dead letter's event id ({@code <topic>/<partition>/<offset>}). */
  public static final String REDRIVEN_FROM = "vz.redriven.from";

  private DeadLetterRedrive() {
  }

  /** The records to send, and the letters that could not become one. */
  public record Plan(List<ProducerRecord<byte[], byte[]>> records, List<DeadLetter> notRedrivable) {}

  public static Plan plan(List<DeadLetter> letters) {
    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
    List<DeadLetter> skipped = new ArrayList<>();
    for (DeadLetter letter : letters) {
      if (letter.getSourceTopic().isEmpty() || letter.getValue() == null) {
        skipped.add(letter);
        continue;
      }
      ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(letter.getSourceTopic(), null,
          bytes(letter.getKey()), bytes(letter.getValue()));
      record.headers().add(REDRIVEN_FROM, letter.getEventId().getBytes(StandardCharsets.UTF_8));
      records.add(record);
    }
    return new Plan(records, skipped);
  }

  private static byte[] bytes(ByteBuffer buffer) {
    if (buffer == null) {
      return null;
    }
    ByteBuffer copy = buffer.duplicate();
    byte[] bytes = new byte[copy.remaining()];
    copy.get(bytes);
    return bytes;
  }
}
