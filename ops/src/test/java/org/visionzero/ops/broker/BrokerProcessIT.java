package org.visionzero.ops.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.visionzero.ops.testing.ChildProcessBroker;

/** {@code vz broker} as a real process: acknowledged data survives SIGKILL, and SIGTERM stops it cleanly. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class BrokerProcessIT {

  private static final String TOPIC = "process-it";
  private static final Duration POLL_BUDGET = Duration.ofSeconds(20);
  private static final int EXIT_ON_SIGTERM = 143;

  @TempDir
  Path dataDir;

  @Test
  void shouldKeepAcknowledgedRecordsWhenKilledAndRestartedOnSameDirectory() throws Exception {
    try (ChildProcessBroker first = ChildProcessBroker.start(dataDir)) {
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", first.bootstrapServers()))) {
        admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(10, TimeUnit.SECONDS);
      }
      try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
          ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, first.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
          new StringSerializer(), new StringSerializer())) {
        producer.send(new ProducerRecord<>(TOPIC, "k", "survives kill -9")).get(10, TimeUnit.SECONDS);
      }
      first.kill();
    }

    try (ChildProcessBroker second = ChildProcessBroker.start(dataDir)) {
      assertThat(readAll(second.bootstrapServers())).containsExactly("survives kill -9");
    }
  }

  @Test
  void shouldStopCleanlyOnSigtermAndSayWhereTheDataIs() throws Exception {
    try (ChildProcessBroker broker = ChildProcessBroker.start(dataDir)) {

      int status = broker.stop();

      assertThat(status).isEqualTo(EXIT_ON_SIGTERM);
      assertThat(broker.stderr()).contains("Broker stopped; data kept in " + dataDir.toAbsolutePath().normalize())
          .doesNotContain("ERROR");
    }
  }

  private static List<String> readAll(String bootstrap) {
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.GROUP_ID_CONFIG, "process-it",
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(TOPIC));
      long deadline = System.nanoTime() + POLL_BUDGET.toNanos();
      while (values.isEmpty() && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
      }
    }
    return values;
  }
}
