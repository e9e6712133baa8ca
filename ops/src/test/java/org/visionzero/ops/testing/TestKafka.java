package org.visionzero.ops.testing;

/** A Kafka broker for one integration test class: the in-JVM broker or the official image in a container. */
interface TestKafka extends AutoCloseable {

  String bootstrapServers();

  @Override
  void close();
}
