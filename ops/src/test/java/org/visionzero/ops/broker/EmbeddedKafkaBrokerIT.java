package org.visionzero.ops.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The in-process broker against a real data directory: transactions, restart, and a refused second start. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class EmbeddedKafkaBrokerIT {

  private static final String TOPIC = "broker-it";
  private static final Duration POLL_BUDGET = Duration.ofSeconds(20);

  @TempDir
  Path dataDir;

  @Test
  void shouldReadOnlyCommittedRecordsAndFindThemAgainAfterRestartOnSameDirectory() throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(BrokerSettings.of(dataDir, 0))) {
      createTopic(broker.bootstrapServers());
      try (KafkaProducer<String, String> producer = transactionalProducer(broker.bootstrapServers())) {
        producer.initTransactions();
        producer.beginTransaction();
        producer.send(new ProducerRecord<>(TOPIC, "k", "aborted"));
        producer.flush();
        producer.abortTransaction();
        producer.beginTransaction();
        producer.send(new ProducerRecord<>(TOPIC, "k", "committed"));
        producer.commitTransaction();
      }
      assertThat(readCommitted(broker.bootstrapServers(), 1)).containsExactly("committed");
    }

    try (EmbeddedKafkaBroker restarted = EmbeddedKafkaBroker.start(BrokerSettings.of(dataDir, 0))) {
      assertThat(readCommitted(restarted.bootstrapServers(), 1)).containsExactly("committed");
    }
  }

  @Test
  void shouldRefuseSecondStartOnSameDirectoryWithoutHarmingTheFirst() throws Exception {
    try (EmbeddedKafkaBroker first = EmbeddedKafkaBroker.start(BrokerSettings.of(dataDir, 0))) {
      createTopic(first.bootstrapServers());

      assertThatThrownBy(() -> EmbeddedKafkaBroker.start(BrokerSettings.of(dataDir, 0)))
          .isInstanceOf(DataDirInUseException.class)
          .hasMessageContaining(dataDir.toAbsolutePath().toString())
          .hasMessageContaining("already in use");

      try (Admin admin = admin(first.bootstrapServers())) {
        assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS)).contains(TOPIC);
      }
    }
  }

  @Test
  void givenTheDefaultPortTaken_whenStarted_thenAFreePortIsUsedButAnExplicitTakenPortIsAnError() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();

      try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(BrokerSettings.withDefaultPort(dataDir, port))) {
        assertThat(broker.port()).isNotEqualTo(port).isPositive();
        createTopic(broker.bootstrapServers());
      }
      assertThatThrownBy(() -> EmbeddedKafkaBroker.start(BrokerSettings.of(dataDir, port)))
          .hasMessageContaining("Port " + port + " is already in use").hasMessageContaining("--port");
    }
  }

  private static void createTopic(String bootstrap) throws Exception {
    try (Admin admin = admin(bootstrap)) {
      admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(10, TimeUnit.SECONDS);
    }
  }

  private static Admin admin(String bootstrap) {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
  }

  private static KafkaProducer<String, String> transactionalProducer(String bootstrap) {
    return new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ProducerConfig.TRANSACTIONAL_ID_CONFIG, "broker-it-tx",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
        new StringSerializer(), new StringSerializer());
  }

  private static List<String> readCommitted(String bootstrap, int expected) {
    Map<String, Object> config = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.GROUP_ID_CONFIG, "broker-it-" + System.nanoTime(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(Set.of(TOPIC));
      long deadline = System.nanoTime() + POLL_BUDGET.toNanos();
      while (values.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          values.add(record.value());
        }
      }
      // One more short poll: an aborted record that leaked through would show up here.
      consumer.poll(Duration.ofMillis(300)).forEach(record -> values.add(record.value()));
    }
    return values;
  }
}
