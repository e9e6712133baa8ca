package org.visionzero.ops.cli;

import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.visionzero.ops.config.KafkaClientConfig;

/** Read-only consumers for the debugging commands: committed data only, no group, no offsets committed. */
final class LogReaders {
  private LogReaders() {
  }

  static KafkaConsumer<String, byte[]> open(KafkaClientConfig settings) {
    Map<String, Object> props = settings.clientProperties().asMap();
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "vz-debug-" + UUID.randomUUID());
    return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
  }
}
