package org.visionzero.game.archfixture;

import org.apache.kafka.clients.producer.Producer;

/** Test fixture: breaks "game uses no Kafka", to show the rule fails. Never part of main code. */
public final class GameThatUsesKafka {

  public void send(Producer<String, String> producer) {
    producer.flush();
  }
}
