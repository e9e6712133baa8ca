package org.visionzero.ops.chaos.poison;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.visionzero.deadletter.DeadLetters;
import org.visionzero.events.DeadLetter;

class PoisonAccountingTest {

  @Test
  void givenLettersByPositionAndByKey_whenMatched_thenOnlyTheRecordWithNeitherIsUnaccounted() {
    PoisonReport.Written lettered = new PoisonReport.Written("t.game-events", 1, 7, "poison-1-0", "random-bytes");
    PoisonReport.Written downstream = new PoisonReport.Written("t.game-events", 2, 3, "poison-1-1", "impossible-value");
    PoisonReport.Written lost = new PoisonReport.Written("t.image-pairs", 0, 9, "poison-1-2", "impossible-value");
    PoisonReport.Written replay = new PoisonReport.Written("t.image-pairs", 0, 10, "pair-a", "replayed-duplicate");
    List<DeadLetter> letters = List.of(
        letter("t.game-events", 1, 7, "poison-1-0"),
        letter("t.turn-requests", 0, 44, "poison-1-1")); // the fabricated game's turn, refused by a worker

    assertThat(PoisonAccounting.unaccounted(List.of(lettered, downstream, lost, replay), letters))
        .containsExactly(lost);
  }

  private static DeadLetter letter(String topic, int partition, long offset, String key) {
    return DeadLetters.forRecord("c", new ConsumerRecord<>(topic, partition, offset,
        key.getBytes(StandardCharsets.UTF_8), new byte[] {1}), new IllegalStateException("x"), Instant.EPOCH);
  }
}
