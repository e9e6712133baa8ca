package org.visionzero.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.visionzero.events.DeadLetter;
import org.visionzero.topics.TopicCatalog;

class DeadLettersTest {
  private static final Instant NOW = Instant.ofEpochMilli(1_800_000_000_000L);

  @Test
  void shouldKeepTheRawRecordAndTheReasonChain() {
    ConsumerRecord<byte[], byte[]> record =
        new ConsumerRecord<>("vz.game-events", 2, 17L, "g1".getBytes(), new byte[] {9, 9});
    Exception error = new IllegalStateException("cannot fold", new IllegalArgumentException("seat 7 of 4"));

    DeadLetter letter = DeadLetters.forRecord("coordinator", record, error, NOW);

    assertThat(letter.getEventId()).isEqualTo("vz.game-events/2/17");
    assertThat(letter.getSourceOffset()).isEqualTo(17L);
    assertThat(letter.getValue().array()).containsExactly(9, 9);
    assertThat(letter.getError()).contains("cannot fold").contains("seat 7 of 4");
    assertThat(letter.getErrorClass()).isEqualTo(IllegalStateException.class.getName());
  }

  @Test
  void shouldDescribeFileInputsAndCapTheirSize() {
    DeadLetter letter = DeadLetters.forInput("producer", "/photos/broken.jpg", new byte[200_000],
        new java.io.IOException("not an image"), NOW);
    assertThat(letter.getReference()).isEqualTo("/photos/broken.jpg");
    assertThat(letter.getValue().remaining()).isEqualTo(DeadLetters.MAX_INPUT_BYTES);
    assertThat(letter.getSourcePartition()).isEqualTo(-1);
  }

  @Test
  void shouldPublishDecodableDeadLettersKeyedBySourceKey() {
    MockProducer<byte[], byte[]> producer =
        new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    TopicCatalog catalog = TopicCatalog.of("t1.");
    DeadLetterPublisher publisher = new DeadLetterPublisher(producer, catalog.deadLetters());
    ConsumerRecord<byte[], byte[]> record =
        new ConsumerRecord<>("t1.image-pairs", 0, 3L, "pair-1".getBytes(), new byte[] {1});

    publisher.publish(DeadLetters.forRecord("coordinator", record, new RuntimeException("boom"), NOW));

    List<org.apache.kafka.clients.producer.ProducerRecord<byte[], byte[]>> sent = producer.history();
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).topic()).isEqualTo("t1.dead-letters");
    assertThat(new String(sent.get(0).key())).isEqualTo("pair-1");
    DeadLetter decoded = catalog.deadLetters().valueSerde().deserializer().deserialize("x", sent.get(0).value());
    assertThat(decoded.getError()).contains("boom");
  }
}
