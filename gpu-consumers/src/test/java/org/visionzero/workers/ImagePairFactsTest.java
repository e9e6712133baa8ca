package org.visionzero.workers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.visionzero.events.BlobRef;
import org.visionzero.events.ImagePairCreated;
import org.visionzero.events.ImageSource;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.TurnRequested;
import org.visionzero.topics.Topic;
import org.visionzero.topics.TopicCatalog;

class ImagePairFactsTest {
  private static final Topic<String, ImagePairCreated> TOPIC = TopicCatalog.of("t.").imagePairs();
  private static final TopicPartition P0 = new TopicPartition(TOPIC.name(), 0);
  private static final String SCENE = """
      {"width": 64, "height": 48,
       "original": {"objects": [{"id": 1, "shape": "cube", "color": "red", "x": 10, "y": 20}]},
       "modified": {"objects": [{"id": 1, "shape": "sphere", "color": "blue", "x": 10, "y": 20}]},
       "changedObjectIds": [1]}""";

  private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
  private final ImagePairFacts facts = new ImagePairFacts(consumer, TOPIC, 10);

  @AfterEach
  void tearDown() throws InterruptedException {
    facts.close();
  }

  private static BlobRef image(char hex) {
    String sha = String.valueOf(hex).repeat(64);
    return new BlobRef("blob:sha256/" + sha, sha, "image/png", 100L);
  }

  private static ConsumerRecord<byte[], byte[]> pair(long offset, BlobRef original, BlobRef modified, String scene) {
    ImagePairCreated event = ImagePairCreated.newBuilder().setEventId("pair/p" + offset).setOccurredAt(Instant.now())
        .setPairId("p" + offset).setSource(ImageSource.SCENES).setOriginal(original).setModified(modified)
        .setDifferences(List.of()).setSpyHint("two objects differ").setSceneGraphJson(scene).build();
    return new ConsumerRecord<>(TOPIC.name(), 0, offset, ("p" + offset).getBytes(StandardCharsets.UTF_8),
        TOPIC.valueSerde().serializer().serialize(TOPIC.name(), event));
  }

  private static TurnRequested seeing(BlobRef image) {
    TurnRequested request = TestRequests.clue("g", 0, new PolicyRef("oracle", -1));
    request.setImage(image);
    return request;
  }

  @Test
  void shouldFindSceneByEitherImageOfThePair() throws Exception {
    consumer.updatePartitions(TOPIC.name(), List.of(new PartitionInfo(TOPIC.name(), 0, Node.noNode(), null, null)));
    consumer.updateBeginningOffsets(Map.of(P0, 0L));
    consumer.schedulePollTask(() -> {
      consumer.addRecord(pair(0, image('a'), image('b'), SCENE));
      consumer.addRecord(pair(1, image('c'), image('d'), "{not json"));
      consumer.addRecord(pair(2, image('e'), image('f'), null));
    });
    facts.start();

    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (facts.factsFor(seeing(image('a'))) == null && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }

    assertThat(facts.factsFor(seeing(image('a'))).original()).singleElement()
        .satisfies(o -> assertThat(o.colorShape()).isEqualTo("red cube"));
    assertThat(facts.factsFor(seeing(image('b'))).changedObjectIds()).containsExactly(1);
    assertThat(facts.factsFor(seeing(image('c')))).isNull();
    assertThat(facts.factsFor(seeing(image('e')))).isNull();
    assertThat(facts.factsFor(seeing(null))).isNull();
  }
}
