package org.visionzero.ops.testing;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/** The official Apache Kafka image in Testcontainers (the extension skips the class when there is no Docker). */
final class ContainerTestKafka implements TestKafka {

  /** Image to run; override with -Dvz.it.kafka.image=apache/kafka:x.y.z. */
  static final String IMAGE_PROPERTY = "vz.it.kafka.image";
  static final String DEFAULT_IMAGE = "apache/kafka:4.4.0";

  private final KafkaContainer container;

  ContainerTestKafka() {
    container = new KafkaContainer(System.getProperty(IMAGE_PROPERTY, DEFAULT_IMAGE));
    container.start();
  }

  static boolean dockerAvailable() {
    return DockerClientFactory.instance().isDockerAvailable();
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
