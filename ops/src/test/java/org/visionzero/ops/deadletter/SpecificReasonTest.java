package org.visionzero.ops.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.visionzero.deadletter.DeadLetters;
import org.visionzero.deadletter.InvalidRecordException;
import org.visionzero.events.DeadLetter;
import org.visionzero.sign.UntrustedCheckpointException;

class SpecificReasonTest {
  private static final ConsumerRecord<byte[], byte[]> RECORD =
      new ConsumerRecord<>("vz.game-events", 0, 3L, "g".getBytes(), new byte[] {1});

  @Test
  void givenAnInvalidRecord_whenClassified_thenItsCodeIsTheReason() {
    assertThat(reason(new InvalidRecordException("vote-before-clue-stage", "game g: turn 8 is not due yet")))
        .isEqualTo("vote-before-clue-stage");
    assertThat(reason(new IllegalStateException("wrapped",
        new InvalidRecordException("clue-too-long", "1000000 bytes")))).isEqualTo("clue-too-long");
  }

  @Test
  void givenErrorsOfOtherComponents_whenClassified_thenTheirMessagesSayWhich() {
    assertThat(reason(new SerializationException("cannot decode GameEvent: written with an unknown schema version "
        + "(x)"))).isEqualTo("unknown-schema-fingerprint");
    assertThat(reason(new SerializationException("cannot decode GameEvent: not Avro single-object encoded (y)")))
        .isEqualTo("not-single-object-encoded");
    assertThat(reason(new SerializationException("cannot decode GameEvent from 12 bytes: EOF")))
        .isEqualTo("corrupt-body");
    assertThat(reason(new UntrustedCheckpointException("unsigned checkpoint event (no vz-hmac-sha256 header)")))
        .isEqualTo("unsigned-checkpoint");
    assertThat(reason(new UntrustedCheckpointException("checkpoint event signature does not match")))
        .isEqualTo("wrongly-signed-checkpoint");
    assertThat(reason(new IllegalStateException("no idea"))).isEqualTo("IllegalStateException");
  }

  private static String reason(Throwable error) {
    DeadLetter letter = DeadLetters.forRecord("c", RECORD, error, Instant.EPOCH);
    return SpecificReason.of(letter);
  }
}
