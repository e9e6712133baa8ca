package org.visionzero.ops.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.visionzero.deadletter.DeadLetterPublisher;
import org.visionzero.deadletter.DeadLetters;
import org.visionzero.events.DeadLetter;
import org.visionzero.events.GameEvent;
import org.visionzero.ops.cli.Vz;
import org.visionzero.ops.testing.KafkaBrokerExtension;
import org.visionzero.topics.Topic;
import org.visionzero.topics.TopicCatalog;
import picocli.CommandLine;

/**
 * Undecodable bytes on a real topic end up on the dead-letter topic, raw and with the reason; {@code vz
 * dead-letters} lists them by reason and re-drives one reason to its source topic.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DeadLetterIT {

  @RegisterExtension
  static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

  private static final String COMPONENT = "dead-letter-it";
  private static final Duration POLL_BUDGET = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void shouldPublishUndecodableRecordWithItsBytesSourceAndReason() throws Exception {
    TopicCatalog catalog = KAFKA.createTopics(KAFKA.uniqueCatalog());
    Topic<String, GameEvent> gameEvents = catalog.gameEvents();
    byte[] garbage = "not an avro single-object record".getBytes(StandardCharsets.UTF_8);
    try (KafkaProducer<byte[], byte[]> producer = byteProducer()) {
      producer.send(new ProducerRecord<>(gameEvents.name(), "game-1".getBytes(StandardCharsets.UTF_8), garbage))
          .get(10, TimeUnit.SECONDS);

      ConsumerRecord<byte[], byte[]> bad = readAll(gameEvents.name(), 1).get(0);
      DeadLetterPublisher deadLetters = new DeadLetterPublisher(producer, catalog.deadLetters());

      assertThat(decodeOrDeadLetter(gameEvents, bad, deadLetters)).isEmpty();
    }

    ConsumerRecord<byte[], byte[]> raw = readAll(catalog.deadLetters().name(), 1).get(0);
    DeadLetter dead = catalog.deadLetters().valueSerde().deserializer().deserialize(raw.topic(), raw.value());
    assertThat(new String(raw.key(), StandardCharsets.UTF_8)).isEqualTo("game-1");
    assertThat(dead.getComponent()).isEqualTo(COMPONENT);
    assertThat(dead.getSourceTopic()).isEqualTo(gameEvents.name());
    assertThat(dead.getSourcePartition()).isNotNegative();
    assertThat(dead.getSourceOffset()).isZero();
    assertThat(dead.getErrorClass()).isEqualTo(SerializationException.class.getName());
    assertThat(dead.getError()).contains("cannot decode GameEvent");
    assertThat(bytes(dead.getValue())).isEqualTo(garbage);
  }

  @Test
  void shouldListDeadLettersByReasonAndRedriveOneReasonToItsSourceTopic() throws Exception {
    TopicCatalog catalog = KAFKA.createTopics(KAFKA.uniqueCatalog());
    String gameEvents = catalog.gameEvents().name();
    try (KafkaProducer<byte[], byte[]> producer = byteProducer()) {
      DeadLetterPublisher deadLetters = new DeadLetterPublisher(producer, catalog.deadLetters());
      for (int offset = 0; offset < 2; offset++) {
        ConsumerRecord<byte[], byte[]> bad = new ConsumerRecord<>(gameEvents, 0, offset,
            ("game-" + offset).getBytes(StandardCharsets.UTF_8), ("bad " + offset).getBytes(StandardCharsets.UTF_8));
        deadLetters.publish(DeadLetters.forRecord(COMPONENT, bad, new SerializationException("cannot decode"),
            Instant.now())).get(10, TimeUnit.SECONDS);
      }
      ConsumerRecord<byte[], byte[]> turn = new ConsumerRecord<>(catalog.turnRequests().name(), 1, 7,
          "game-9".getBytes(StandardCharsets.UTF_8), new byte[] {1});
      deadLetters.publish(DeadLetters.forRecord(COMPONENT, turn, new IllegalStateException("no policy v3"),
          Instant.now())).get(10, TimeUnit.SECONDS);
    }
    String[] cluster = {"--bootstrap-servers", KAFKA.bootstrapServers(), "--topic-prefix", catalog.prefix(), "--json"};

    JsonNode listed = JSON.readTree(vz(concat(new String[] {"dead-letters", "list"}, cluster)));
    JsonNode redriven = JSON.readTree(vz(concat(
        new String[] {"dead-letters", "redrive", "--reason", "SerializationException"}, cluster)));

    assertThat(listed.get("reasons").findValuesAsText("reason"))
        .containsExactly("SerializationException", "IllegalStateException");
    assertThat(listed.get("reasons").get(0).get("count").asLong()).isEqualTo(2);
    assertThat(listed.get("reasons").get(1).get("sourceTopic").asText()).isEqualTo(catalog.turnRequests().name());
    assertThat(redriven.get("redriven").asInt()).isEqualTo(2);
    List<ConsumerRecord<byte[], byte[]>> back = readAll(gameEvents, 2);
    assertThat(back).extracting(record -> new String(record.value(), StandardCharsets.UTF_8))
        .containsExactlyInAnyOrder("bad 0", "bad 1");
    assertThat(back).allSatisfy(record -> assertThat(record.headers().lastHeader(DeadLetterRedrive.REDRIVEN_FROM))
        .isNotNull());
  }

  @Test
  void shouldRefuseToRedriveWithoutAReason() {
    CommandLine commandLine = Vz.commandLine();
    commandLine.setOut(new PrintWriter(new StringWriter(), true));
    commandLine.setErr(new PrintWriter(new StringWriter(), true));

    int status = commandLine.execute("dead-letters", "redrive", "--bootstrap-servers", KAFKA.bootstrapServers());

    assertThat(status).isEqualTo(2);
  }

  private static String vz(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = Vz.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int status = commandLine.execute(args);
    assertThat(status).as("exit status; stderr: " + err).isZero();
    return out.toString();
  }

  private static String[] concat(String[] first, String[] second) {
    String[] all = new String[first.length + second.length];
    System.arraycopy(first, 0, all, 0, first.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    return all;
  }

  /** What a component does with a record: decode it, or give up on it with a dead letter. */
  private static Optional<GameEvent> decodeOrDeadLetter(Topic<String, GameEvent> topic,
      ConsumerRecord<byte[], byte[]> record, DeadLetterPublisher deadLetters) throws Exception {
    try {
      return Optional.of(topic.valueSerde().deserializer().deserialize(record.topic(), record.value()));
    } catch (SerializationException undecodable) {
      deadLetters.publish(DeadLetters.forRecord(COMPONENT, record, undecodable, Instant.now()))
          .get(10, TimeUnit.SECONDS);
      return Optional.empty();
    }
  }

  private static KafkaProducer<byte[], byte[]> byteProducer() {
    return new KafkaProducer<>(KAFKA.clientProperties(), new ByteArraySerializer(), new ByteArraySerializer());
  }

  private static List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int expected) {
    Map<String, Object> config = KAFKA.clientProperties();
    config.put(ConsumerConfig.GROUP_ID_CONFIG, KAFKA.uniqueId("reader"));
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + POLL_BUDGET.toNanos();
      while (records.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    assertThat(records).as("records on " + topic).hasSize(expected);
    return records;
  }

  private static byte[] bytes(ByteBuffer buffer) {
    ByteBuffer copy = buffer.duplicate();
    byte[] bytes = new byte[copy.remaining()];
    copy.get(bytes);
    return bytes;
  }
}
