package org.visionzero.logtools.replay;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.errors.SerializationException;
import org.visionzero.events.ImagePairCreated;
import org.visionzero.topics.Topic;
import org.visionzero.topics.TopicCatalog;

/** Finds the {@link ImagePairCreated} of a pair id in {@code image-pairs} (read once to its end). */
public final class PairLookup {
  private PairLookup() {}

  public static Optional<ImagePairCreated> find(Consumer<String, byte[]> consumer, TopicCatalog topics,
      String pairId, Duration timeout) throws TimeoutException {
    Topic<String, ImagePairCreated> pairs = topics.imagePairs();
    ImagePairCreated[] found = {null};
    TopicReads.readToEnd(consumer, TopicReads.partitions(consumer, pairs.name(), timeout), timeout, record -> {
      if (found[0] == null && pairId.equals(record.key())) {
        try {
          found[0] = pairs.valueSerde().deserializer().deserialize(record.topic(), record.value());
        } catch (SerializationException e) {
          // the coordinator dead-letters an undecodable pair; a later copy may still decode
        }
      }
    });
    return Optional.ofNullable(found[0]);
  }
}
