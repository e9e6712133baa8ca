package org.visionzero.ops.testing;

import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/** The official Apache Kafka image in Testcontainers; the test class is skipped when there is no Docker. */
final class ContainerTestKafka implements TestKafka {

  /** Image to run; override with -Dvz.it.kafka.image=apache/kafka:x.y.z. */
  static final String IMAGE_PROPERTY = "vz.it.kafka.image";
  static final String DEFAULT_IMAGE = "apache/kafka:4.4.0";

  private final KafkaContainer container;

  ContainerTestKafka() {
    Assumptions.assumeTrue(DockerClientFactory.instance().isDockerAvailable(),
        "-D" + KafkaBrokerExtension.BACKEND_PROPERTY + "=testcontainers needs Docker, and none is available: skipped");
    container = new KafkaContainer(System.getProperty(IMAGE_PROPERTY, DEFAULT_IMAGE));
    container.start();
  }

  @Override
  public String bootstrapServers() {
    return container.getBootstrapServers();
  }

  @Override
  public void close() {
    container.stop();
  }
}
