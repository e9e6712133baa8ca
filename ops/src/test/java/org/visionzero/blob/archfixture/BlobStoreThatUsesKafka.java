package org.visionzero.blob.archfixture;

import org.apache.kafka.clients.producer.Producer;

/** Test fixture: breaks "the blob store is storage only", to show the rule fails. Never part of main code. */
public final class BlobStoreThatUsesKafka {

  public void send(Producer<String, byte[]> producer) {
    producer.flush();
  }
}
